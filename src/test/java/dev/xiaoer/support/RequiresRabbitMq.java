package dev.xiaoer.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that needs RabbitMQ with its STOMP plugin on {@code 127.0.0.1:61613}. Without it the test
 * is skipped with the reason printed; with the system property {@code xiaoer.require.rabbitmq=true}
 * (as CI sets it) a missing broker fails the test instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresRabbitMqCondition.class)
public @interface RequiresRabbitMq {

    String HOST = "127.0.0.1";
    int STOMP_PORT = 61613;
    String REQUIRED_PROPERTY = "xiaoer.require.rabbitmq";
}
