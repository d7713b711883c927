package org.newsroom.query.api;

import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.newsroom.service.ApiKeyFilter;
import org.newsroom.service.RequiresKey;

import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code GET /stories/{id}} for the latest view when this instance knows it in memory, answered on the event loop
 * before Quarkus REST routes the request: matching, filters and the response's headers cost that request more than
 * sending the view's bytes did. It answers exactly as {@link StoryResource#story} would (same headers, tag, 304s,
 * gzip); every other request to the path (a query string, an Accept that could mean the reader page, a key that
 * does not pass, a view not known to be current) goes on to {@link StoryResource}.
 */
@ApplicationScoped
public class LatestViewRoute {

    static final String JSON = "application/json";

    private final LatestViews latest;
    private final ApiKeyFilter.KeyCheck keys;
    private final LongAdder answered = new LongAdder();

    public LatestViewRoute(LatestViews latest) {
        this.latest = latest;
        this.keys = ApiKeyFilter.KeyCheck.of(StoryResource.class.getAnnotation(RequiresKey.class));
    }

    void register(@Observes Router router) {
        router.get("/stories/:id").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        UUID id = request.query() == null ? StoryResource.parsed(ctx.pathParam("id")) : null;
        LatestViews.Current current = id != null && plainJson(request.getHeader(HttpHeaders.ACCEPT))
                && keys.admits(request.getHeader(HttpHeaders.AUTHORIZATION)) ? latest.known(id) : null;
        if (current == null) {
            ctx.next();
            return;
        }
        answered.increment();
        LatestViews.Representation view = current.view();
        HttpServerResponse response = ctx.response();
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.CONTENT_TYPE, JSON)
                .set(HttpHeaders.ETAG, view.etag())
                .set(HttpHeaders.VARY, "Accept-Encoding")
                .set(HttpHeaders.CACHE_CONTROL, "no-cache")
                .set(ProjectedPositionFilter.HEADER,
                        Long.toString(Math.max(current.projectedPosition(), view.position())));
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && StoryResource.matches(ifNoneMatch, view.etag())) {
            response.setStatusCode(304).end();
        } else if (StoryResource.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(view.gzipDirect().duplicate())));
        } else {
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(view.json())));
        }
    }

    /** How many requests this route answered itself. */
    public long answered() {
        return answered.sum();
    }

    /** Accept absent or naming only JSON or anything: never a request that the reader page could answer. */
    static boolean plainJson(String accept) {
        return accept == null || accept.equals("*/*") || accept.equals(JSON) || accept.equals("application/*");
    }
}
