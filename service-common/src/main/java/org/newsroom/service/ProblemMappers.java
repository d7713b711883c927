package org.newsroom.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.stream.Collectors;

/** Every error leaves as application/problem+json with a clear detail, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    /** Declared for the subtype too, so that it wins over Quarkus' own mapper for it. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        String field = e.getPath().isEmpty() ? null : e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        String detail = field == null ? "the body must be a JSON object" : "'" + field + "' has the wrong type";
        return respond(Problem.of(400, "Invalid request", detail, field));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m) {
            return mismatch(m);
        }
        return respond(Problem.of(400, "Invalid request", "the body is not valid JSON: " + e.getOriginalMessage(), null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return respond(Problem.of(status, title, e.getMessage(), null));
    }

    /** The database is down or restarting: the client should retry, and nothing was written. */
    @ServerExceptionMapper
    public Response database(SQLException e) {
        if (!unavailable(e)) {
            return unexpected(e);
        }
        LOG.warnf("database unavailable: %s", e.getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "2")
                .entity(Problem.of(503, "Service unavailable",
                        "the database is unavailable; nothing was stored, retry shortly", null))
                .build();
    }

    static boolean unavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P")
                        || s.getSQLState().startsWith("53"))) {
                return true;
            }
            if (t instanceof java.net.ConnectException || t instanceof SQLTransientException
                    || t instanceof java.io.EOFException) {
                return true;
            }
        }
        // Agroal reports an exhausted or unreachable pool without a SQL state.
        return e.getSQLState() == null && String.valueOf(e.getMessage()).contains("cquisition timeout");
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected error", e);
        return respond(Problem.of(500, "Internal error", "the request could not be processed", null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
