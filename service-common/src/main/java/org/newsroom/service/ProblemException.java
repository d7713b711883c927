package org.newsroom.service;

/** Thrown at the boundary to answer with a problem+json body. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(int status, String title, String detail, String field) {
        super(detail);
        this.problem = Problem.of(status, title, detail, field);
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "Invalid request", detail, field);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null);
    }

    public Problem problem() {
        return problem;
    }
}
