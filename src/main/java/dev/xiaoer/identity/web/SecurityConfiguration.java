package dev.xiaoer.identity.web;

import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.UserPrincipal;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Two ways in. The REST API ({@code /api/**}) is stateless: a bearer API token on every request,
 * no HTTP session, no CSRF (no cookies are honoured). Everything else is the browser app: a
 * password sign-in, a session whose id changes at sign-in, CSRF on every form, and throttled
 * sign-in attempts. Customers' self-service pages ({@code /self-service/<signed token>}) need no
 * sign-in: the signed link is their permission.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation around each security filter and authorization decision: requests are still
     * timed as a whole (http.server.requests), and the wrappers cost a measurable share of the CPU
     * of every API call (docs/benchmarks.md) while telling an operator nothing.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_OWNER > ROLE_ADMIN
                ROLE_ADMIN > ROLE_SUPERVISOR
                ROLE_SUPERVISOR > ROLE_AGENT
                """);
    }

    @Bean
    UserDetailsService userDetailsService(IdentityManagement identity) {
        return email -> {
            var memberships = identity.membershipsByEmail(email);
            var hash = identity.passwordHash(email);
            if (memberships.isEmpty() || hash.isEmpty()) {
                throw new UsernameNotFoundException("No member with this e-mail");
            }
            return new UserPrincipal(memberships.getFirst(), hash.get());
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, IdentityManagement identity, ProblemResponses problems)
            throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .anonymous(a -> a.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(identity, problems),
                        UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority("SCOPE_read")
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority("SCOPE_read")
                        .anyRequest().hasAuthority("SCOPE_write"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain appChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                // The chat widget's photo upload comes from merchants' pages and carries no cookie credential:
                // nothing for a forged request to borrow, so no CSRF token either.
                // The help center's "was this helpful?" is anonymous: no credential to borrow, and a token would
                // give every reader of a public page a session.
                .csrf(c -> c.ignoringRequestMatchers("/chat/uploads", "/help/*/articles/*/feedback"))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(new ThrottledFailureHandler(throttle)).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .exceptionHandling(e -> e
                        // An htmx request from a page whose session ended reloads the page (and so reaches the
                        // sign-in page) instead of swapping the sign-in form into a table row.
                        .defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(),
                                new RequestHeaderRequestMatcher("HX-Request", "true"))
                        // The error page tells a stale form (CSRF) from a missing role by this attribute.
                        .accessDeniedHandler((request, response, denied) -> {
                            request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
                            response.sendError(HttpServletResponse.SC_FORBIDDEN);
                        }))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/self-service/**", "/chat/**", "/help/**", "/actuator/health/**", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        // Station staff have their own pages; tickets, customers and canned replies are the
                        // service team's.
                        .requestMatchers("/tickets/**", "/customers/**", "/presence/**", "/canned-replies/**")
                        .hasRole("AGENT")
                        .requestMatchers("/monitor/**").hasRole("SUPERVISOR")
                        .anyRequest().hasAnyRole("AGENT", "STATION_STAFF"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .xssProtection(x -> x.headerValue(XXssProtectionHeaderWriter.HeaderValue.DISABLED)));
        return http.build();
    }
}
