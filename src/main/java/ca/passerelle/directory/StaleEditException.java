package ca.passerelle.directory;

/** Someone else saved the record after the form was opened: nothing was written. */
public class StaleEditException extends RuntimeException {

    public StaleEditException() {
        super("the record changed since the form was opened", null, false, false);
    }
}
