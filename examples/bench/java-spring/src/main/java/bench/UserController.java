package bench;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two routes every peer of the lab answers with the same bytes
 * (scripts/bench/lab/contract.ts has the contract and checks it).
 */
@RestController
public class UserController {

    /** Jackson writes a record's components in declaration order: id, name, email. */
    record User(int id, String name, String email) {}

    /** {@code {"error":"…"}}: the contract's 400, 404 and 500 bodies. */
    record ErrorBody(String error) {}

    private static final Pattern ID = Pattern.compile("[0-9]{1,9}");
    private static final String BY_ID = "SELECT id, name, email FROM bench_users WHERE id = ?";
    private static final RowMapper<User> USER =
            (rs, row) -> new User(rs.getInt(1), rs.getString(2), rs.getString(3));

    private final JdbcTemplate jdbc;

    public UserController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/plaintext", produces = MediaType.TEXT_PLAIN_VALUE)
    public String plaintext() {
        return "Hello, World!";
    }

    @GetMapping("/users/{id}")
    public ResponseEntity<Object> userById(@PathVariable String id) {
        // The contract's rule, checked by hand so every stack rejects the same ids
        // (binding to an int would accept "+1" and answer Spring's own 400 body).
        if (!ID.matcher(id).matches()) {
            return error(HttpStatus.BAD_REQUEST, "invalid id");
        }
        // A PreparedStatement with one bound parameter; pgjdbc switches it to a
        // server-side prepared statement once it has run a few times.
        List<User> rows = jdbc.query(BY_ID, USER, Integer.parseInt(id));
        if (rows.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "not found");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows.get(0));
    }

    /** Database down or failing: a 500, never a crash, and no stack trace per request. */
    @ExceptionHandler(DataAccessException.class)
    public ResponseEntity<Object> databaseError() {
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "database error");
    }

    private static ResponseEntity<Object> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorBody(message));
    }
}
