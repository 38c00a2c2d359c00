package be.kohub.generate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;

import be.kohub.store.Queries;

/**
 * The municipalities families live in and locations stand in: the 304 of the code list, each
 * with a weight (population of the centre cities, a default otherwise), an approximate point and
 * postcode from its arrondissement, and its neighbours (the municipalities of its arrondissement).
 */
final class Municipalities {
    /** One municipality: NIS code, name, arrondissement (NIS prefix and name), region, local counter, weight, point, postcode. */
    record Municipality(String nis, String name, String arrondissement, String arrondissementName, boolean flemish,
                        boolean hasCounter, double weight, double lon, double lat, String postcode) {
        /** The system name of its local counter's client, e.g. {@code llko-sint-niklaas}. */
        String counterClient() {
            return "llko-" + slug(name);
        }
    }

    private final List<Municipality> all;
    private final Map<String, Municipality> byNis = new HashMap<>();
    private final Map<String, List<Municipality>> byArrondissement = new HashMap<>();
    private final double[] cumulative;
    private final Map<String, Double> listedWeights;

    private Municipalities(List<Municipality> all, Map<String, Double> listedWeights) {
        this.all = List.copyOf(all);
        this.listedWeights = listedWeights;
        this.cumulative = new double[all.size()];
        double sum = 0;
        for (int i = 0; i < all.size(); i++) {
            Municipality m = all.get(i);
            byNis.put(m.nis(), m);
            byArrondissement.computeIfAbsent(m.arrondissement(), k -> new ArrayList<>()).add(m);
            sum += m.weight();
            cumulative[i] = sum;
        }
    }

    /** Reads the municipalities from the model (the ontology graph with the code lists) and the generator's tables. */
    static Municipalities from(Graph model, long seed) {
        Map<String, String[]> arrondissements = new HashMap<>();
        for (String[] row : ResourceLists.csv("arrondissementen.csv"))
            arrondissements.put(row[0], row);
        Map<String, Double> weights = new HashMap<>();
        for (String[] row : ResourceLists.csv("gemeentegewichten.csv"))
            weights.put(row[0], Double.parseDouble(row[2]));
        double flemishDefault = weights.remove("default");
        double brusselsDefault = weights.remove("default-brussel");
        // The approximate point and postcode of a municipality are fixed per seed: they are part of the generated world.
        RandomGenerator random = new java.util.SplittableRandom(seed ^ 0x6D756E6963697061L);
        List<Municipality> all = new ArrayList<>();
        try (QueryExec exec = QueryExec.graph(model).query(Queries.load("generate/municipalities.rq")).build()) {
            exec.select().forEachRemaining(row -> {
                String nis = text(row, "nis");
                String prefix = nis.substring(0, 2);
                String[] arr = arrondissements.get(prefix);
                if (arr == null)
                    throw new IllegalStateException("no arrondissement " + prefix + " in arrondissementen.csv for " + nis);
                boolean flemish = text(row, "gewest").equals("2000");
                double weight = weights.getOrDefault(nis, flemish ? flemishDefault : brusselsDefault);
                double lon = Double.parseDouble(arr[2]) + (random.nextDouble() - 0.5) * 0.24;
                double lat = Double.parseDouble(arr[3]) + (random.nextDouble() - 0.5) * 0.16;
                int from = Integer.parseInt(arr[4]);
                int to = Integer.parseInt(arr[5]);
                String postcode = Integer.toString(from + 10 * random.nextInt((to - from) / 10 + 1));
                all.add(new Municipality(nis, text(row, "name"), prefix, arr[1], flemish, row.contains(Var.alloc("loket")), weight,
                        clamp(lon, 2.56, 5.94), clamp(lat, 50.66, 51.54), postcode));
            });
        }
        return new Municipalities(all, weights);
    }

    List<Municipality> all() {
        return all;
    }

    Municipality get(String nis) {
        return byNis.get(nis);
    }

    /** A municipality drawn by weight. */
    Municipality pick(RandomGenerator random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return all.get(i >= 0 ? i : -i - 1);
    }

    /** The municipalities of the same arrondissement (Brussels: the Flemish rim, Halle-Vilvoorde). */
    List<Municipality> neighbours(Municipality m) {
        return byArrondissement.get(m.arrondissement().equals("21") ? "23" : m.arrondissement());
    }

    /** The municipalities of the same province (first digit of the NIS code; Brussels: Vlaams-Brabant). */
    List<Municipality> province(Municipality m) {
        String digit = m.arrondissement().equals("21") ? "2" : m.nis().substring(0, 1);
        return all.stream().filter(o -> o.flemish() && o.nis().startsWith(digit)).toList();
    }

    boolean centreCity(Municipality m) {
        return listedWeights.containsKey(m.nis());
    }

    static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String text(Binding row, String var) {
        return row.get(Var.alloc(var)).getLiteralLexicalForm();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
