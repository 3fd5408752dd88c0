package ca.passerelle.directory.hsds;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An answer's body written to the response by the thread that answers the request, as it is made:
 * a list page, a stream of every record, an export. Not Spring's {@code StreamingResponseBody},
 * which is written by another thread while the request's own thread is still leaving the filter
 * chain: both then set headers on the same response, and now and then Tomcat met a header half
 * written and answered 500 (spring-framework#25665). Answering threads are virtual: one waiting on
 * a slow client costs nothing.
 */
@FunctionalInterface
interface WrittenBody {

    void writeTo(OutputStream out) throws IOException;
}
