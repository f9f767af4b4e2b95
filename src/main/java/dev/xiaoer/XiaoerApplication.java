package dev.xiaoer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Xiaoer (小二): omnichannel customer service for e-commerce. Each top-level package is a
 * Spring Modulith module; {@code kernel} is the small shared kernel every module may use.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Xiaoer", sharedModules = "kernel")
public class XiaoerApplication {

    public static void main(String[] args) {
        SpringApplication.run(XiaoerApplication.class, args);
    }
}
