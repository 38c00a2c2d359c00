package be.kohub.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/**
 * Runs the curl examples of docs/vendor-guide.md against a live hub (its sample locations loaded,
 * as {@code serve --demo} does): every {@code sh} block in order, in one bash session, from the
 * repository's root with {@code HUB} set. A command ending in {@code # → 201} must answer that
 * status ({@code 201|200}: either), and text after the status must occur in its output.
 */
class VendorGuideTest {
    private static final Path GUIDE = Path.of("docs/vendor-guide.md");
    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXPECTATION = Pattern.compile("^(.*?)\\s+# → ([0-9]{3}(?:\\|[0-9]{3})*)\\s*(.*)$");
    /** Runs curl with the status written last, prints the answer, and checks status and text. */
    private static final String PRELUDE = """
            set -euo pipefail
            kohub_curl() {
              local want="$1" text="$2"; shift 2
              local out status
              out=$(curl -sS -w '\\n%{http_code}' "$@")
              status=${out##*$'\\n'}
              out=${out%$'\\n'*}
              printf '%s\\n' "$out"
              [[ "|$want|" == *"|$status|"* ]] || { echo "EXPECTED $want, GOT $status: curl $*" >&2; exit 1; }
              [[ -z "$text" || "$out" == *"$text"* ]] || { echo "EXPECTED in the answer of curl $*: $text" >&2; exit 1; }
              echo "CHECKED $status $text" >&2
            }
            """;

    @Test
    void theCurlExamplesOfTheVendorGuideDoWhatItSays() throws Exception {
        String guide = Files.readString(GUIDE);
        StringBuilder script = new StringBuilder(PRELUDE);
        int expectations = 0;
        Matcher blocks = BLOCK.matcher(guide);
        int block = 0;
        while (blocks.find()) {
            script.append("echo '### block ").append(++block).append("' >&2\n");
            List<String> command = new ArrayList<>();
            for (String line : blocks.group(1).split("\n", -1)) {
                command.add(line);
                if (line.endsWith("\\"))
                    continue;
                String joined = String.join("\n", command);
                command.clear();
                Matcher expected = EXPECTATION.matcher(joined.replace("\\\n", "\u0000"));
                if (joined.startsWith("curl ") && expected.matches()) {
                    String call = expected.group(1).replace("\u0000", "\\\n").substring("curl ".length());
                    script.append("kohub_curl ").append(quote(expected.group(2))).append(' ').append(quote(expected.group(3)))
                            .append(' ').append(call).append('\n');
                    expectations++;
                } else {
                    assertTrue(!joined.contains("# →"), "an expectation on a line that is not a curl command: " + joined);
                    script.append(joined).append('\n');
                }
            }
        }
        assertTrue(block >= 8 && expectations >= 30, "blocks " + block + ", expectations " + expectations);
        Path file = Path.of("target/vendor-guide.sh");
        Files.writeString(file, script);

        try (RunningHub hub = RunningHub.startAtItsOwnUrl(b -> {})) {
            hub.loadSampleLocations();
            ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(false);
            bash.environment().put("HUB", hub.url(""));
            Path out = Files.createTempFile("vendor-guide", ".out");
            Path err = Files.createTempFile("vendor-guide", ".err");
            Process process = bash.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            // a guard against a hung example, not a speed check: the examples take seconds
            assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the guide's examples did not finish (hung?)");
            String errors = Files.readString(err);
            assertEquals(0, process.exitValue(), errors + "\n--- output:\n" + tail(Files.readString(out)));
            long checked = errors.lines().filter(l -> l.startsWith("CHECKED ")).count();
            assertEquals(expectations, checked, errors);
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
