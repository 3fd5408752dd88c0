package ca.passerelle.directory.demo;

import java.util.List;

import ca.passerelle.shared.NeedDomain;

/**
 * A kind of service the demo directory holds, written in both languages: what it is called,
 * what it does, whom it serves, and how it is usually run.
 */
record ServiceKind(
        String key,
        List<NeedDomain> domains,
        Text name,
        Text description,
        Text eligibility,
        Integer minimumAge,
        Integer maximumAge,
        String gender,
        boolean open247,
        boolean housing,
        boolean confidential,
        Area area,
        double statusFree,
        double substanceUse,
        boolean traffickingSpecific) {

    enum Area { LOCAL, PROVINCE, CANADA }

    /** The same text in French and in English. */
    record Text(String fr, String en) {

        String in(boolean french) {
            return french ? fr : en;
        }
    }

    static Text text(String fr, String en) {
        return new Text(fr, en);
    }
}
