package ca.passerelle.shared;

/** A point on Earth in WGS 84 degrees. */
public record GeoPoint(double latitude, double longitude) {

    public static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a point on Earth: " + latitude + ", " + longitude);
        }
    }

    public static boolean isValid(double latitude, double longitude) {
        return latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180;
    }

    /** Great-circle distance in kilometres (haversine). */
    public double kilometresTo(GeoPoint other) {
        return kilometres(latitude, longitude, cosineOfLatitude(), other.latitude, other.longitude, other.cosineOfLatitude());
    }

    /** What {@link #kilometres} takes for each point: kept by whoever measures from the same point many times. */
    public double cosineOfLatitude() {
        return Math.cos(Math.toRadians(latitude));
    }

    /**
     * The haversine distance, with each latitude's cosine computed once by the caller: an index
     * measuring from one point to thousands gets exactly the figure {@link #kilometresTo} gives.
     */
    public static double kilometres(double latitude, double longitude, double cosine, double otherLatitude, double otherLongitude,
            double otherCosine) {
        return kilometresOfHaversine(haversine(latitude, longitude, cosine, otherLatitude, otherLongitude, otherCosine));
    }

    /**
     * The haversine of the angle between two points: it grows with the distance, so the nearest of
     * several points is found by comparing these, and only its distance is worked out (an arcsine).
     */
    public static double haversine(double latitude, double longitude, double cosine, double otherLatitude, double otherLongitude,
            double otherCosine) {
        double latitudeHalfSine = Math.sin(Math.toRadians(otherLatitude - latitude) / 2);
        double longitudeHalfSine = Math.sin(Math.toRadians(otherLongitude - longitude) / 2);
        return latitudeHalfSine * latitudeHalfSine + cosine * otherCosine * longitudeHalfSine * longitudeHalfSine;
    }

    /** The distance in kilometres for a {@link #haversine}. */
    public static double kilometresOfHaversine(double haversine) {
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(haversine)));
    }
}
