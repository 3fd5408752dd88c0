package ca.passerelle.directory.demo;

import java.util.List;

import ca.passerelle.shared.Province;

/**
 * Real Canadian cities and towns with the coordinates of their centres, in every province and
 * territory: where the fictional demo services are. Coordinates are public geographic facts.
 */
final class Cities {

    record City(String name, Province province, double latitude, double longitude, boolean francophone) {
    }

    static final List<City> ALL = List.of(
            new City("Calgary", Province.AB, 51.0447, -114.0719, false),
            new City("Edmonton", Province.AB, 53.5461, -113.4938, false),
            new City("Red Deer", Province.AB, 52.2681, -113.8112, false),
            new City("Lethbridge", Province.AB, 49.6935, -112.8418, false),
            new City("Fort McMurray", Province.AB, 56.7267, -111.3810, false),
            new City("Grande Prairie", Province.AB, 55.1707, -118.7947, false),
            new City("Medicine Hat", Province.AB, 50.0405, -110.6765, false),
            new City("Vancouver", Province.BC, 49.2827, -123.1207, false),
            new City("Victoria", Province.BC, 48.4284, -123.3656, false),
            new City("Surrey", Province.BC, 49.1913, -122.8490, false),
            new City("Burnaby", Province.BC, 49.2488, -122.9805, false),
            new City("Kelowna", Province.BC, 49.8880, -119.4960, false),
            new City("Kamloops", Province.BC, 50.6745, -120.3273, false),
            new City("Prince George", Province.BC, 53.9171, -122.7497, false),
            new City("Nanaimo", Province.BC, 49.1659, -123.9401, false),
            new City("Abbotsford", Province.BC, 49.0504, -122.3045, false),
            new City("Winnipeg", Province.MB, 49.8951, -97.1384, false),
            new City("Brandon", Province.MB, 49.8485, -99.9501, false),
            new City("Thompson", Province.MB, 55.7435, -97.8558, false),
            new City("Steinbach", Province.MB, 49.5258, -96.6846, false),
            new City("The Pas", Province.MB, 53.8251, -101.2535, false),
            new City("Moncton", Province.NB, 46.0878, -64.7782, true),
            new City("Saint John", Province.NB, 45.2733, -66.0633, false),
            new City("Fredericton", Province.NB, 45.9636, -66.6431, false),
            new City("Bathurst", Province.NB, 47.6186, -65.6513, true),
            new City("Edmundston", Province.NB, 47.3737, -68.3251, true),
            new City("St. John's", Province.NL, 47.5615, -52.7126, false),
            new City("Corner Brook", Province.NL, 48.9500, -57.9500, false),
            new City("Gander", Province.NL, 48.9564, -54.6089, false),
            new City("Happy Valley-Goose Bay", Province.NL, 53.3017, -60.3261, false),
            new City("Halifax", Province.NS, 44.6488, -63.5752, false),
            new City("Sydney", Province.NS, 46.1368, -60.1942, false),
            new City("Truro", Province.NS, 45.3650, -63.2860, false),
            new City("Yarmouth", Province.NS, 43.8375, -66.1174, false),
            new City("New Glasgow", Province.NS, 45.5926, -62.6456, false),
            new City("Yellowknife", Province.NT, 62.4540, -114.3718, false),
            new City("Inuvik", Province.NT, 68.3607, -133.7230, false),
            new City("Hay River", Province.NT, 60.8156, -115.7999, false),
            new City("Iqaluit", Province.NU, 63.7467, -68.5170, false),
            new City("Rankin Inlet", Province.NU, 62.8084, -92.0853, false),
            new City("Cambridge Bay", Province.NU, 69.1169, -105.0597, false),
            new City("Toronto", Province.ON, 43.6532, -79.3832, false),
            new City("Ottawa", Province.ON, 45.4215, -75.6972, false),
            new City("Mississauga", Province.ON, 43.5890, -79.6441, false),
            new City("Brampton", Province.ON, 43.7315, -79.7624, false),
            new City("Hamilton", Province.ON, 43.2557, -79.8711, false),
            new City("London", Province.ON, 42.9849, -81.2453, false),
            new City("Windsor", Province.ON, 42.3149, -83.0364, false),
            new City("Kitchener", Province.ON, 43.4516, -80.4925, false),
            new City("Sudbury", Province.ON, 46.4917, -80.9930, false),
            new City("Thunder Bay", Province.ON, 48.3809, -89.2477, false),
            new City("Kingston", Province.ON, 44.2312, -76.4860, false),
            new City("Niagara Falls", Province.ON, 43.0896, -79.0849, false),
            new City("Barrie", Province.ON, 44.3894, -79.6903, false),
            new City("Sault Ste. Marie", Province.ON, 46.5136, -84.3358, false),
            new City("Oshawa", Province.ON, 43.8971, -78.8658, false),
            new City("Timmins", Province.ON, 48.4758, -81.3305, false),
            new City("Peterborough", Province.ON, 44.3091, -78.3197, false),
            new City("Charlottetown", Province.PE, 46.2382, -63.1311, false),
            new City("Summerside", Province.PE, 46.3934, -63.7902, false),
            new City("Montréal", Province.QC, 45.5019, -73.5674, true),
            new City("Québec", Province.QC, 46.8139, -71.2080, true),
            new City("Laval", Province.QC, 45.6066, -73.7124, true),
            new City("Gatineau", Province.QC, 45.4765, -75.7013, true),
            new City("Longueuil", Province.QC, 45.5312, -73.5181, true),
            new City("Sherbrooke", Province.QC, 45.4042, -71.8929, true),
            new City("Trois-Rivières", Province.QC, 46.3432, -72.5477, true),
            new City("Saguenay", Province.QC, 48.4284, -71.0685, true),
            new City("Rimouski", Province.QC, 48.4490, -68.5230, true),
            new City("Rouyn-Noranda", Province.QC, 48.2366, -79.0231, true),
            new City("Val-d’Or", Province.QC, 48.0974, -77.7828, true),
            new City("Drummondville", Province.QC, 45.8838, -72.4843, true),
            new City("Saint-Jérôme", Province.QC, 45.7804, -74.0036, true),
            new City("Sept-Îles", Province.QC, 50.2169, -66.3810, true),
            new City("Regina", Province.SK, 50.4452, -104.6189, false),
            new City("Saskatoon", Province.SK, 52.1332, -106.6700, false),
            new City("Prince Albert", Province.SK, 53.2033, -105.7531, false),
            new City("Moose Jaw", Province.SK, 50.3934, -105.5519, false),
            new City("North Battleford", Province.SK, 52.7575, -108.2861, false),
            new City("Whitehorse", Province.YT, 60.7212, -135.0568, false),
            new City("Dawson City", Province.YT, 64.0600, -139.4320, false),
            new City("Watson Lake", Province.YT, 60.0636, -128.7089, false));

    private Cities() {
    }

    /** The first letter of postal codes in a province (the first of several where there are several). */
    static char postalLetter(Province province) {
        return switch (province) {
            case NL -> 'A';
            case NS -> 'B';
            case PE -> 'C';
            case NB -> 'E';
            case QC -> 'H';
            case ON -> 'M';
            case MB -> 'R';
            case SK -> 'S';
            case AB -> 'T';
            case BC -> 'V';
            case NT, NU -> 'X';
            case YT -> 'Y';
        };
    }

    /** Languages of the communities there, beyond French and English, that services often offer. */
    static List<String> localLanguages(Province province) {
        return switch (province) {
            case NU -> List.of("iu");
            case NT -> List.of("iu", "cr");
            case YT -> List.of("tl", "de");
            case MB, SK -> List.of("cr", "oj", "tl", "pa");
            case AB -> List.of("cr", "tl", "pa", "es");
            case BC -> List.of("zh", "pa", "tl", "ko", "fa");
            case ON -> List.of("es", "tl", "zh", "pa", "ar", "pt", "uk", "so", "ti");
            case QC -> List.of("es", "ar", "ht", "pt", "uk", "vi");
            case NB, NS, PE, NL -> List.of("ar", "es", "uk");
        };
    }
}
