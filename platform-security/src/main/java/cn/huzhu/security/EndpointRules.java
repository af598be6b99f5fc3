package cn.huzhu.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * A service's access rules, one per endpoint: the roles that may call it, or open to anyone. What no rule names is denied
 * to everyone ({@link PlatformSecurityConfig}). Object-level scope is checked by the endpoint itself with {@link Caller}.
 */
public final class EndpointRules {

    public record Rule(HttpMethod method, String pattern, Set<Role> roles, boolean open) {}

    private final List<Rule> rules = new ArrayList<>();

    /** Only callers with one of these roles. */
    public EndpointRules allow(HttpMethod method, String pattern, Role... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("A rule names at least one role: " + method + " " + pattern);
        }
        rules.add(new Rule(method, pattern, EnumSet.copyOf(List.of(roles)), false));
        return this;
    }

    /** Anyone, without a token (static pages, the bank's notifications, which are checked with the bank). */
    public EndpointRules open(HttpMethod method, String pattern) {
        rules.add(new Rule(method, pattern, EnumSet.noneOf(Role.class), true));
        return this;
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }
}
