package dev.xiaoer.platform.startup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stops the application as soon as it is ready to take traffic, for the launcher's training run:
 * the JVM then records everything a real start-up goes through (including the work done on the
 * ready event, such as creating the demo workspace) into the start-up cache it writes at exit.
 */
@Component
@ConditionalOnBooleanProperty("xiaoer.exit-when-ready")
class ExitWhenReady {

    private final ConfigurableApplicationContext context;

    ExitWhenReady(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Readiness is announced after every ready-event listener has finished. */
    @EventListener
    void exit(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
