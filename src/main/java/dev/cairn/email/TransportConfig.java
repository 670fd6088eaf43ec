package dev.cairn.email;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

/** Chooses SMTP when Spring Boot configured a mail sender ({@code spring.mail.host}), else the mailbox. */
@Configuration(proxyBeanMethods = false)
class TransportConfig {

    private static final Logger log = LoggerFactory.getLogger(TransportConfig.class);

    @Bean
    MailTransport mailTransport(
            ObjectProvider<JavaMailSender> mailSender,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock,
            EmailProperties properties) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender != null) {
            log.info("Email delivery: SMTP");
            return new SmtpTransport(sender, properties);
        }
        log.info("Email delivery: built-in mailbox (set spring.mail.host to deliver over SMTP)");
        return new MailboxTransport(jdbc, json, clock, properties);
    }
}
