package dev.xiaoer.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs {@link RequiresRabbitMq} tests when RabbitMQ's STOMP port answers; skips or fails them when not. */
final class RequiresRabbitMqCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var where = RequiresRabbitMq.HOST + ":" + RequiresRabbitMq.STOMP_PORT;
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(RequiresRabbitMq.HOST, RequiresRabbitMq.STOMP_PORT), 1000);
            return ConditionEvaluationResult.enabled("RabbitMQ STOMP answers at " + where);
        } catch (IOException unreachable) {
            if (Boolean.getBoolean(RequiresRabbitMq.REQUIRED_PROPERTY)) {
                throw new IllegalStateException(RequiresRabbitMq.REQUIRED_PROPERTY + "=true but nothing answers at "
                        + where + ": start RabbitMQ and run `rabbitmq-plugins enable rabbitmq_stomp`");
            }
            var reason = "Skipped: no RabbitMQ STOMP at " + where + " (start RabbitMQ with the rabbitmq_stomp plugin)";
            System.out.println(reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
