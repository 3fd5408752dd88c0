package ca.passerelle.matching;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import ca.passerelle.shared.GeoPoint;

/**
 * Where the sites of a segment are, for measuring from one point: sites in cells of 0.05° (about
 * 5 km), cells in blocks of 0.5°. The segment numbers its services in the grid's order of their
 * first site ({@link #order}), so the services first met in a cell, or in a block, are a run of
 * slots: a search counts a radius and walks a cell a word of 64 services at a time, and only the
 * few sites a service has beyond its first are read one by one.
 *
 * <p>Distances to a cell or block are lower bounds cheap enough to work out for every block of the
 * country: haversine with sin x >= x - x³/6 and asin y >= y, and the cosines of both latitudes at
 * least that of the one farther from the equator, shaved so rounding never rules out a tie.
 */
final class SiteGrid {

    private static final double CELL_DEGREES = 0.05;
    private static final int CELLS_A_BLOCK_SIDE = 10;
    private static final double BLOCK_DEGREES = CELL_DEGREES * CELLS_A_BLOCK_SIDE;
    private static final double SHAVE = 0.999_999;
    /** The {@link #order} of a service without a site: after every other. */
    private static final long NOWHERE = Long.MAX_VALUE;

    /** A site of a service: where it is, and the service's slot in the segment. */
    record Site(GeoPoint point, int slot) {
    }

    /** Blocks: row and column in block units, the cosine of their latitude farthest from the equator, their first cell. */
    private final int[] blockRows;
    private final int[] blockColumns;
    private final double[] blockCosines;
    /** The cosine of a block's latitude nearest the equator: what bounds the farthest a point of it can be. */
    private final double[] blockNearCosines;
    private final int[] blockCells;
    /** By block: where the services first met in an earlier block with a site in it start in {@link #strangers}. */
    private final int[] blockStrangers;
    /** Those services' slots, block by block, in increasing order (one with several sites in the block, once). */
    private final int[] strangers;
    /** Cells, block by block: row and column in cell units, cosines as for blocks, their first site. */
    private final int[] cellRows;
    private final int[] cellColumns;
    private final double[] cellCosines;
    private final double[] cellNearCosines;
    private final int[] cellSites;
    /** By cell: its first own site; those before it are of services first met in an earlier cell. */
    private final int[] cellOwnSites;
    /** By cell: the first slot of the services first met in it; they run to the next cell's. */
    private final int[] cellSlots;
    /** Sites, cell by cell, in slot order within a cell: the slot of the service, and where the site is. */
    private final int[] slots;
    private final double[] latitudes;
    private final double[] longitudes;
    private final double[] cosines;

    /**
     * @param placedSlots how many slots have sites: slots {@code 0..placedSlots - 1}, numbered in
     *                    the {@link #order} of their services' first site
     */
    SiteGrid(List<Site> unordered, int placedSlots) {
        Site[] sites = unordered.toArray(Site[]::new);
        Arrays.sort(sites, Comparator.<Site>comparingLong(site -> order(site.point())).thenComparingInt(Site::slot));
        int size = sites.length;
        slots = new int[size];
        latitudes = new double[size];
        longitudes = new double[size];
        cosines = new double[size];
        long[] keys = new long[size];
        long[] firstOf = new long[placedSlots];
        Arrays.fill(firstOf, NOWHERE);
        int cells = 0;
        int blocks = 0;
        for (int i = 0; i < size; i++) {
            GeoPoint point = sites[i].point();
            slots[i] = sites[i].slot();
            latitudes[i] = point.latitude();
            longitudes[i] = point.longitude();
            cosines[i] = point.cosineOfLatitude();
            keys[i] = order(point);
            firstOf[slots[i]] = Math.min(firstOf[slots[i]], keys[i]);
            cells += i == 0 || keys[i] != keys[i - 1] ? 1 : 0;
            blocks += i == 0 || blockOf(keys[i]) != blockOf(keys[i - 1]) ? 1 : 0;
        }
        for (int slot = 1; slot < placedSlots; slot++) {
            if (firstOf[slot] < firstOf[slot - 1]) {
                throw new IllegalArgumentException("slots are not in the grid's order of their first site");
            }
        }
        cellRows = new int[cells];
        cellColumns = new int[cells];
        cellCosines = new double[cells];
        cellNearCosines = new double[cells];
        cellSites = new int[cells + 1];
        cellOwnSites = new int[cells];
        cellSlots = new int[cells + 1];
        blockRows = new int[blocks];
        blockColumns = new int[blocks];
        blockCosines = new double[blocks];
        blockNearCosines = new double[blocks];
        blockCells = new int[blocks + 1];
        blockStrangers = new int[blocks + 1];
        int[] strangersFound = new int[size];
        int strangerCount = 0;
        int cell = -1;
        int block = -1;
        int firstSlotHere = 0; // the first slot whose first site is in this cell or a later one
        for (int i = 0; i < size; i++) {
            if (i == 0 || blockOf(keys[i]) != blockOf(keys[i - 1])) {
                block++;
                blockRows[block] = Math.floorDiv(row(latitudes[i]), CELLS_A_BLOCK_SIDE);
                blockColumns[block] = Math.floorDiv(column(longitudes[i]), CELLS_A_BLOCK_SIDE);
                blockCosines[block] = cosineFarthestFromTheEquator(blockRows[block], BLOCK_DEGREES);
                blockNearCosines[block] = cosineNearestTheEquator(blockRows[block], BLOCK_DEGREES);
                blockCells[block] = cell + 1;
                blockStrangers[block] = strangerCount;
            }
            if (i == 0 || keys[i] != keys[i - 1]) {
                cell++;
                cellRows[cell] = row(latitudes[i]);
                cellColumns[cell] = column(longitudes[i]);
                cellCosines[cell] = cosineFarthestFromTheEquator(cellRows[cell], CELL_DEGREES);
                cellNearCosines[cell] = cosineNearestTheEquator(cellRows[cell], CELL_DEGREES);
                cellSites[cell] = i;
                while (firstSlotHere < placedSlots && firstOf[firstSlotHere] < keys[i]) {
                    firstSlotHere++;
                }
                cellSlots[cell] = firstSlotHere;
                cellOwnSites[cell] = i;
            }
            if (slots[i] < cellSlots[cell]) {
                cellOwnSites[cell] = i + 1; // sorted by slot within the cell: the strangers come first
            }
            if (slots[i] < cellSlots[blockCells[block]]) {
                strangersFound[strangerCount++] = slots[i];
            }
        }
        cellSites[cells] = size;
        cellSlots[cells] = placedSlots;
        blockCells[blocks] = cells;
        blockStrangers[blocks] = strangerCount;
        strangers = inOrderOnce(strangersFound, blockStrangers);
    }

    /** Each block's part of these slots in increasing order, each slot once; the parts' starts moved to match. */
    private static int[] inOrderOnce(int[] slots, int[] starts) {
        int kept = 0;
        for (int block = 0; block + 1 < starts.length; block++) {
            int from = starts[block];
            int to = starts[block + 1];
            Arrays.sort(slots, from, to);
            starts[block] = kept;
            for (int i = from; i < to; i++) {
                if (i == from || slots[i] != slots[i - 1]) {
                    slots[kept++] = slots[i];
                }
            }
        }
        starts[starts.length - 1] = kept;
        return Arrays.copyOf(slots, kept);
    }

    /**
     * Where a point comes in the grid's order: by block, then by cell within the block. A segment
     * numbers its services in this order of their first site.
     */
    static long order(GeoPoint point) {
        int row = row(point.latitude());
        int column = column(point.longitude());
        long blockRow = Math.floorDiv(row, CELLS_A_BLOCK_SIDE) + 1_000;
        long blockColumn = Math.floorDiv(column, CELLS_A_BLOCK_SIDE) + 1_000;
        return blockRow << 40 | blockColumn << 16 | (long) Math.floorMod(row, CELLS_A_BLOCK_SIDE) << 8
                | Math.floorMod(column, CELLS_A_BLOCK_SIDE);
    }

    /** The {@link #order} of a service's first site, {@link #NOWHERE} when it has none. */
    static long orderOfFirst(GeoPoint[] sites) {
        long first = NOWHERE;
        for (GeoPoint site : sites) {
            first = Math.min(first, order(site));
        }
        return first;
    }

    private static long blockOf(long order) {
        return order >>> 16;
    }

    /** The cells and blocks nearest first by their lower bound: {@link NearestFirst#next} until the caller has what it needs. */
    NearestFirst nearestFirst(GeoPoint near) {
        return new NearestFirst(near);
    }

    /** How many sites there are. */
    int size() {
        return slots.length;
    }

    /** The first slot of the services first met in this cell; they run to {@link #endOfSlots}. */
    int firstSlot(int cell) {
        return cellSlots[cell];
    }

    int endOfSlots(int cell) {
        return cellSlots[cell + 1];
    }

    /** The first slot of the services first met in this block; they run to {@link #endOfBlockSlots}. */
    int firstBlockSlot(int block) {
        return cellSlots[blockCells[block]];
    }

    int endOfBlockSlots(int block) {
        return cellSlots[blockCells[block + 1]];
    }

    /** The sites of a cell of services first met in an earlier cell: from here to {@link #firstOwnSite}. */
    int firstSite(int cell) {
        return cellSites[cell];
    }

    int firstOwnSite(int cell) {
        return cellOwnSites[cell];
    }

    int endOfSites(int cell) {
        return cellSites[cell + 1];
    }

    /** The services first met in an earlier block with a site in this one, as positions in {@link #stranger}. */
    int firstStranger(int block) {
        return blockStrangers[block];
    }

    int endOfStrangers(int block) {
        return blockStrangers[block + 1];
    }

    /** The slot at this position of the blocks' lists of services first met elsewhere. */
    int stranger(int position) {
        return strangers[position];
    }

    /** Whether a site in the cell is of a service in {@code services}, by slot. */
    private boolean holdsAny(int cell, long[] services) {
        if (Bits.cardinality(services, cellSlots[cell], cellSlots[cell + 1]) > 0) {
            return true;
        }
        for (int site = cellSites[cell]; site < cellOwnSites[cell]; site++) {
            if (Bits.isSet(services, slots[site])) {
                return true;
            }
        }
        return false;
    }

    int slot(int site) {
        return slots[site];
    }

    /** The {@link GeoPoint#haversine} from a point (its latitude's cosine given) to a site. */
    double haversine(int site, GeoPoint near, double nearCosine) {
        return GeoPoint.haversine(near.latitude(), near.longitude(), nearCosine, latitudes[site], longitudes[site], cosines[site]);
    }

    /** The same bound for a {@link GeoPoint#haversine}; NaN for NaN. */
    static double kilometresAtLeast(double haversine) {
        return 2 * GeoPoint.EARTH_RADIUS_KM * Math.sqrt(haversine) * SHAVE;
    }

    /**
     * The slots of {@code placed} with a site within the radius, set in {@code within}, which has
     * none set: the services first met in a cell or block wholly inside as a run of slots, the sites
     * of those first met elsewhere one by one, and on the edge every site.
     */
    long[] within(GeoPoint near, double radiusKm, long[] placed, long[] within) {
        double nearCosine = near.cosineOfLatitude();
        for (int block = 0; block < blockRows.length; block++) {
            double south = blockRows[block] * BLOCK_DEGREES;
            double west = blockColumns[block] * BLOCK_DEGREES;
            if (kilometresAtLeast(south, west, BLOCK_DEGREES, blockCosines[block], near, nearCosine) > radiusKm) {
                continue;
            }
            if (kilometresAtMost(south, west, BLOCK_DEGREES, blockNearCosines[block], near, nearCosine) < radiusKm) {
                Bits.orRange(within, placed, firstBlockSlot(block), endOfBlockSlots(block));
                for (int position = blockStrangers[block]; position < blockStrangers[block + 1]; position++) {
                    addIfPlaced(strangers[position], placed, within);
                }
                continue;
            }
            for (int cell = blockCells[block]; cell < blockCells[block + 1]; cell++) {
                double cellSouth = cellRows[cell] * CELL_DEGREES;
                double cellWest = cellColumns[cell] * CELL_DEGREES;
                if (kilometresAtLeast(cellSouth, cellWest, CELL_DEGREES, cellCosines[cell], near, nearCosine) > radiusKm) {
                    continue;
                }
                if (kilometresAtMost(cellSouth, cellWest, CELL_DEGREES, cellNearCosines[cell], near, nearCosine) < radiusKm) {
                    Bits.orRange(within, placed, cellSlots[cell], cellSlots[cell + 1]);
                    for (int site = cellSites[cell]; site < cellOwnSites[cell]; site++) {
                        addIfPlaced(slots[site], placed, within);
                    }
                    continue;
                }
                for (int site = cellSites[cell]; site < cellSites[cell + 1]; site++) {
                    int slot = slots[site];
                    if (Bits.isSet(placed, slot) && isWithin(site, near, nearCosine, radiusKm)) {
                        within[slot >>> 6] |= 1L << slot;
                    }
                }
            }
        }
        return within;
    }

    /** Without a branch: whether a slot is placed is a coin toss the processor would mispredict. */
    private static void addIfPlaced(int slot, long[] placed, long[] within) {
        within[slot >>> 6] |= placed[slot >>> 6] & 1L << slot;
    }

    private boolean isWithin(int site, GeoPoint near, double nearCosine, double radiusKm) {
        return isWithin(near, nearCosine, latitudes[site], longitudes[site], cosines[site], radiusKm);
    }

    /**
     * Whether a point (its latitude's cosine given) is within the radius, exactly as its distance in
     * kilometres would say: by bounds without trigonometry (sin x <= x, and x - x³/6 <= sin x, for
     * the half gaps), measured only on the very edge.
     */
    static boolean isWithin(GeoPoint near, double nearCosine, double latitude, double longitude, double cosine, double radiusKm) {
        if (kilometresAtMost(haversineAtMost(near.latitude(), near.longitude(), nearCosine, latitude, longitude, cosine)) < radiusKm) {
            return true;
        }
        if (kilometresAtLeast(haversineAtLeast(near.latitude(), near.longitude(), nearCosine, latitude, longitude, cosine)) > radiusKm) {
            return false;
        }
        return isWithin(GeoPoint.haversine(near.latitude(), near.longitude(), nearCosine, latitude, longitude, cosine), radiusKm);
    }

    /**
     * Whether a point this {@link GeoPoint#haversine} away is within the radius, exactly as its
     * distance in kilometres would say: decided by bounds of asin (y <= asin y <= y / sqrt(1 - y²))
     * unless it is on the edge, so nearly never at the cost of an arcsine.
     */
    private static boolean isWithin(double haversine, double radiusKm) {
        if (kilometresAtLeast(haversine) > radiusKm) {
            return false;
        }
        if (kilometresAtMost(haversine) < radiusKm) {
            return true;
        }
        return GeoPoint.kilometresOfHaversine(haversine) <= radiusKm;
    }

    /** An upper bound of the distance for a {@link GeoPoint#haversine}, as close as {@link #kilometresAtLeast(double)}. */
    private static double kilometresAtMost(double haversine) {
        return haversine < 0.5 ? 2 * GeoPoint.EARTH_RADIUS_KM * Math.sqrt(haversine) / Math.sqrt(1 - haversine) / SHAVE
                : Double.POSITIVE_INFINITY;
    }

    private static double kilometresAtLeast(double south, double west, double degrees, double farCosine, GeoPoint near,
            double nearCosine) {
        double latitudeGap = Math.toRadians(Math.max(0, Math.max(south - near.latitude(), near.latitude() - south - degrees)));
        double longitudeGap = Math.toRadians(Math.max(0, Math.max(west - near.longitude(), near.longitude() - west - degrees)));
        double cosine = Math.min(nearCosine, farCosine);
        double latitudeHalfSine = halfSineAtLeast(latitudeGap);
        double longitudeHalfSine = halfSineAtLeast(longitudeGap);
        double a = latitudeHalfSine * latitudeHalfSine + cosine * cosine * longitudeHalfSine * longitudeHalfSine;
        return 2 * GeoPoint.EARTH_RADIUS_KM * Math.sqrt(a) * SHAVE;
    }

    /**
     * A lower bound of {@link GeoPoint#haversine} without its two sines (sin x >= x - x³/6 for the
     * half gaps): cheap enough to rule out most far services before measuring them.
     */
    static double haversineAtLeast(double latitude, double longitude, double cosine, double otherLatitude, double otherLongitude,
            double otherCosine) {
        double latitudeHalfSine = halfSineAtLeast(Math.toRadians(Math.abs(otherLatitude - latitude)));
        double longitudeHalfSine = halfSineAtLeast(Math.toRadians(Math.abs(otherLongitude - longitude)));
        return latitudeHalfSine * latitudeHalfSine + cosine * otherCosine * longitudeHalfSine * longitudeHalfSine;
    }

    /** An upper bound of {@link GeoPoint#haversine} without its two sines: sin x <= x for the half gaps. */
    private static double haversineAtMost(double latitude, double longitude, double cosine, double otherLatitude,
            double otherLongitude, double otherCosine) {
        double halfLatitudeGap = Math.toRadians(otherLatitude - latitude) / 2;
        double halfLongitudeGap = Math.toRadians(otherLongitude - longitude) / 2;
        return halfLatitudeGap * halfLatitudeGap + cosine * otherCosine * halfLongitudeGap * halfLongitudeGap;
    }

    private static double halfSineAtLeast(double angle) {
        double half = angle / 2;
        return Math.max(0, half - half * half * half / 6);
    }

    /**
     * An upper bound of the distance to any point of the square, without trigonometry: its farthest
     * gaps in latitude and longitude, sin x <= x, and the cosine of its latitude nearest the equator.
     */
    private static double kilometresAtMost(double south, double west, double degrees, double nearestCosine, GeoPoint near,
            double nearCosine) {
        double latitudeGap = Math.toRadians(Math.max(Math.abs(south - near.latitude()), Math.abs(south + degrees - near.latitude())));
        double longitudeGap = Math.toRadians(Math.max(Math.abs(west - near.longitude()), Math.abs(west + degrees - near.longitude())));
        double a = latitudeGap * latitudeGap / 4 + nearCosine * nearestCosine * longitudeGap * longitudeGap / 4;
        return kilometresAtMost(a);
    }

    private static double cosineFarthestFromTheEquator(int row, double degrees) {
        double farthest = Math.max(Math.abs(row * degrees), Math.abs((row + 1) * degrees));
        return Math.cos(Math.toRadians(Math.min(90, farthest)));
    }

    private static double cosineNearestTheEquator(int row, double degrees) {
        boolean acrossTheEquator = row * degrees < 0 && (row + 1) * degrees > 0;
        double nearest = acrossTheEquator ? 0 : Math.min(Math.abs(row * degrees), Math.abs((row + 1) * degrees));
        return Math.cos(Math.toRadians(Math.min(90, nearest)));
    }

    private static int row(double latitude) {
        return (int) Math.floor(latitude / CELL_DEGREES);
    }

    private static int column(double longitude) {
        return (int) Math.floor(longitude / CELL_DEGREES);
    }

    /**
     * The blocks, then within the blocks the caller opens, the cells, in order of their lower bound,
     * from one heap: a block's cells are looked at only when the caller opens it, so a walk that
     * reaches far passes blocks with nothing for it at the cost of one bound each.
     */
    final class NearestFirst {

        private final GeoPoint near;
        private final double nearCosine;
        /** A binary heap of lower bounds; an item is a cell, or {@code ~block} for a block. */
        private double[] bounds;
        private int[] items;
        private int size;
        private double atLeastKm;

        private NearestFirst(GeoPoint near) {
            this.near = near;
            this.nearCosine = near.cosineOfLatitude();
            int blocks = blockRows.length;
            bounds = new double[Math.max(16, blocks * 2)];
            items = new int[bounds.length];
            for (int block = 0; block < blocks; block++) {
                bounds[block] = kilometresAtLeast(blockRows[block] * BLOCK_DEGREES, blockColumns[block] * BLOCK_DEGREES, BLOCK_DEGREES,
                        blockCosines[block], near, nearCosine);
                items[block] = ~block;
            }
            size = blocks;
            for (int i = size / 2 - 1; i >= 0; i--) {
                siftDown(i);
            }
        }

        /**
         * The next nearest block not opened ({@code ~block}, negative) or cell of an opened block (0
         * or more); {@link Integer#MIN_VALUE} when there is none left.
         */
        int next() {
            if (size == 0) {
                return Integer.MIN_VALUE;
            }
            atLeastKm = bounds[0];
            int item = items[0];
            size--;
            if (size > 0) {
                bounds[0] = bounds[size];
                items[0] = items[size];
                siftDown(0);
            }
            return item;
        }

        /**
         * Puts the cells of a block {@link #next} returned in the heap, each by its own bound: only
         * those where a service of {@code sought} has a site. Services only ever leave what a walk
         * seeks, so a cell without one now has none when the walk would reach it.
         */
        void open(int block, long[] sought) {
            for (int cell = blockCells[block]; cell < blockCells[block + 1]; cell++) {
                if (holdsAny(cell, sought)) {
                    push(kilometresAtLeast(cellRows[cell] * CELL_DEGREES, cellColumns[cell] * CELL_DEGREES, CELL_DEGREES,
                            cellCosines[cell], near, nearCosine), cell);
                }
            }
        }

        /** A lower bound of the distance to any site of what {@link #next} returned: nothing after it is nearer. */
        double atLeastKm() {
            return atLeastKm;
        }

        private void push(double bound, int item) {
            if (size == bounds.length) {
                bounds = Arrays.copyOf(bounds, size * 2);
                items = Arrays.copyOf(items, size * 2);
            }
            int i = size++;
            while (i > 0 && bounds[(i - 1) / 2] > bound) {
                bounds[i] = bounds[(i - 1) / 2];
                items[i] = items[(i - 1) / 2];
                i = (i - 1) / 2;
            }
            bounds[i] = bound;
            items[i] = item;
        }

        private void siftDown(int from) {
            double bound = bounds[from];
            int item = items[from];
            int i = from;
            while (2 * i + 1 < size) {
                int child = 2 * i + 1;
                if (child + 1 < size && bounds[child + 1] < bounds[child]) {
                    child++;
                }
                if (bounds[child] >= bound) {
                    break;
                }
                bounds[i] = bounds[child];
                items[i] = items[child];
                i = child;
            }
            bounds[i] = bound;
            items[i] = item;
        }
    }
}
