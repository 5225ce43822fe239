package bench;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The Java + Spring Boot peer of the benchmarking lab.
 *
 * Environment: PORT, DATABASE_URL (postgres://user@host:port/db), POOL_SIZE.
 * The lab pins the process to one core and starts the JVM with
 * -XX:ActiveProcessorCount=1, so the JVM sizes its GC and JIT threads (and
 * picks the serial collector) for one CPU. application.properties has the
 * rest of the configuration; this class only derives what a properties file
 * cannot: the JDBC URL and the Tomcat thread count.
 */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--versions")) {
            Versions.print();
            return;
        }
        int poolSize = Integer.parseInt(required("POOL_SIZE"));
        if (poolSize < 1) {
            throw new IllegalArgumentException("POOL_SIZE must be at least 1");
        }
        Map<String, Object> derived = new HashMap<>(jdbc(required("DATABASE_URL")));
        // Read by server.tomcat.threads.* in application.properties, which explains the choice.
        derived.put("bench.tomcat-threads", 2 * poolSize);
        required("PORT");

        SpringApplication app = new SpringApplication(Application.class);
        app.setDefaultProperties(derived);
        app.run(args);
    }

    /** The one startup line. */
    @EventListener(ApplicationReadyEvent.class)
    public void ready(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        System.out.println("bench-java-spring listening on " + env.getProperty("server.address") + ":"
                + env.getProperty("local.server.port"));
    }

    /**
     * postgres://user[:password]@host[:port]/db[?params] as the JDBC driver
     * wants it: jdbc:postgresql://host:port/db[?params] plus a user name
     * (and password) of their own.
     */
    static Map<String, String> jdbc(String databaseUrl) {
        URI uri = URI.create(databaseUrl);
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException("DATABASE_URL must be a postgres:// URL");
        }
        String url = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.datasource.url", url);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            properties.put("spring.datasource.username", URLDecoder.decode(user, StandardCharsets.UTF_8));
            if (colon >= 0) {
                properties.put("spring.datasource.password",
                        URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8));
            }
        }
        return properties;
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " must be set");
        }
        return value;
    }
}
