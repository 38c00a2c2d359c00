package be.kohub.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import be.kohub.model.CodeLists;

/**
 * Weekly care plans as families ask for them: three in four fixed (half-days of the dagdeel
 * list: whole weeks, four or three days, mornings only, ...), one in four variable (a number of
 * half-days a week). A smaller plan (fewer half-days) is what a partial assignment gives.
 */
final class CarePlans {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> DAYS = List.of("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag");
    private static final String MORNING = "voormiddag";
    private static final String AFTERNOON = "namiddag";

    /** A plan: fixed half-day codes (weekday order) or, when empty, a number of half-days per week. */
    record Plan(List<String> halfDays, int perWeek) {
        boolean fixed() {
            return !halfDays.isEmpty();
        }

        int count() {
            return fixed() ? halfDays.size() : perWeek;
        }

        ObjectNode json() {
            ObjectNode plan = JSON.objectNode().put("type", "Opvangplan");
            if (fixed()) {
                ArrayNode days = plan.putArray("dagdelen");
                halfDays.forEach(days::add);
            } else {
                plan.put("dagdelenPerWeek", perWeek);
            }
            return plan;
        }
    }

    /** Checks that the codes this class builds are in the code list, so that a renamed code fails here and not in a store. */
    CarePlans(CodeLists codes) {
        for (String day : DAYS)
            for (String part : List.of(MORNING, AFTERNOON))
                codes.require("dagdeel", day + "-" + part, "dagdeel");
    }

    Plan draw(RandomGenerator r) {
        if (Seeds.chance(r, 0.25))
            return new Plan(List.of(), List.of(4, 6, 8, 8, 10, 10).get(r.nextInt(6)));
        double x = r.nextDouble();
        if (x < 0.30)
            return fullDays(DAYS);
        if (x < 0.45)
            return fullDays(List.of("maandag", "dinsdag", "donderdag", "vrijdag"));
        if (x < 0.55)
            return fullDays(List.of("maandag", "dinsdag", "woensdag", "donderdag"));
        if (x < 0.67)
            return fullDays(List.of("maandag", "dinsdag", "donderdag"));
        if (x < 0.75)
            return fullDays(List.of("dinsdag", "donderdag"));
        if (x < 0.80)
            return new Plan(DAYS.stream().map(d -> d + "-" + MORNING).toList(), 0);
        if (x < 0.90) {
            List<String> days = new ArrayList<>(fullDays(DAYS).halfDays());
            days.remove("woensdag-" + AFTERNOON);
            return new Plan(List.copyOf(days), 0);
        }
        List<String> some = new ArrayList<>();
        for (String day : DAYS)
            for (String part : List.of(MORNING, AFTERNOON))
                if (Seeds.chance(r, 0.6))
                    some.add(day + "-" + part);
        return some.size() < 2 ? fullDays(List.of("woensdag")) : new Plan(List.copyOf(some), 0);
    }

    /** A plan with two to four half-days fewer (at least one left): what an organiser offers when it cannot give all. */
    Plan smaller(Plan plan, RandomGenerator r) {
        int fewer = Seeds.between(r, 2, 4);
        if (!plan.fixed())
            return new Plan(List.of(), Math.max(1, plan.perWeek() - fewer));
        List<String> days = new ArrayList<>(plan.halfDays());
        while (days.size() > 1 && fewer-- > 0)
            days.remove(r.nextInt(days.size()));
        return new Plan(List.copyOf(days), 0);
    }

    private static Plan fullDays(List<String> days) {
        List<String> halfDays = new ArrayList<>();
        for (String day : days) {
            halfDays.add(day + "-" + MORNING);
            halfDays.add(day + "-" + AFTERNOON);
        }
        return new Plan(List.copyOf(halfDays), 0);
    }
}
