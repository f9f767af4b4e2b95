package dev.xiaoer.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Records the events of one type that the running application publishes, whatever thread publishes
 * them (HTTP requests run on the server's threads, which thread-bound recorders miss). Close it to
 * stop recording. Filter by workspace in assertions: other tests share the application.
 */
public final class EventCapture<T> implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final ApplicationListener<ApplicationEvent> listener;
    private final List<T> events = new CopyOnWriteArrayList<>();

    private EventCapture(ApplicationContext context, Class<T> type) {
        this.context = (ConfigurableApplicationContext) context;
        this.listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && type.isInstance(payload.getPayload())) {
                events.add(type.cast(payload.getPayload()));
            }
        };
        this.context.addApplicationListener(listener);
    }

    public static <T> EventCapture<T> of(ApplicationContext context, Class<T> type) {
        return new EventCapture<>(context, type);
    }

    public List<T> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        context.removeApplicationListener(listener);
    }
}
