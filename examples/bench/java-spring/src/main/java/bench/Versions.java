package bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code java -jar target/java-spring.jar --versions}: what peer.json's "versions" reports. */
final class Versions {

    private Versions() {}

    static void print() {
        System.out.println("Spring Boot " + org.springframework.boot.SpringBootVersion.getVersion());
        System.out.println("Spring Framework " + org.springframework.core.SpringVersion.getVersion());
        System.out.println("Tomcat " + version("org.apache.tomcat.embed", "tomcat-embed-core", "org.apache.catalina.startup.Tomcat"));
        System.out.println("Jackson " + version("tools.jackson.core", "jackson-databind", "tools.jackson.databind.ObjectMapper"));
        System.out.println("HikariCP " + version("com.zaxxer", "HikariCP", "com.zaxxer.hikari.HikariDataSource"));
        System.out.println("PostgreSQL JDBC " + version("org.postgresql", "postgresql", "org.postgresql.Driver"));
    }

    /**
     * A dependency's version: from the pom.properties Maven packs into its jar,
     * else from the Implementation-Version of the jar's manifest (Tomcat's and
     * pgjdbc's jars have only the latter, HikariCP's only the former).
     */
    private static String version(String groupId, String artifactId, String className) {
        String path = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Versions.class.getClassLoader().getResourceAsStream(path)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null) {
                    return version;
                }
            }
            String version = Class.forName(className).getPackage().getImplementationVersion();
            return version == null ? "unknown" : version;
        } catch (IOException | ClassNotFoundException e) {
            return "unknown";
        }
    }
}
