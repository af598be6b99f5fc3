package cn.huzhu.plans;

import java.util.List;

/** A plan definition the catalogue's schema refuses, with every problem found. */
public class InvalidPlanException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidPlanException(List<String> problems) {
        super("The plan definition does not meet " + PlanDefinition.SCHEMA + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
