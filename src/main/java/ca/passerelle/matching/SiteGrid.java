package ca.passerelle.matching;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import ca.passerelle.shared.GeoPoint;

/**
 * Where the sites of a segment are, for measuring from one point: sites in cells of 0.05° (about
 * 5 km), cells in blocks of 0.5°. A search reads cells nearest first, opening a block only when
 * one of its cells could be the next nearest, so it stops after the few cells that fill the best
 * results; a radius is counted block by block, site by site only on its edge.
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
    private static final int NO_BLOCK_YET = Integer.MIN_VALUE;

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
    /** Cells, block by block: row and column in cell units, cosines as for blocks, their first site. */
    private final int[] cellRows;
    private final int[] cellColumns;
    private final double[] cellCosines;
    private final double[] cellNearCosines;
    private final int[] cellSites;
    /** Sites, cell by cell: the slot of the service, and where the site is. */
    private final int[] slots;
    private final double[] latitudes;
    private final double[] longitudes;
    private final double[] cosines;
    /** By slot: the block all the service's sites are in; negative when they are in several, or it has none. */
    private final int[] homeBlocks;

    /** @param slotCount how many slots the segment has */
    SiteGrid(List<Site> unordered, int slotCount) {
        Site[] sites = unordered.toArray(Site[]::new);
        Arrays.sort(sites, Comparator.<Site>comparingInt(site -> blockOf(row(site.point())))
                .thenComparingInt(site -> blockOf(column(site.point())))
                .thenComparingInt(site -> row(site.point()))
                .thenComparingInt(site -> column(site.point()))
                .thenComparingInt(Site::slot));
        int size = sites.length;
        slots = new int[size];
        latitudes = new double[size];
        longitudes = new double[size];
        cosines = new double[size];
        int[] rows = new int[size];
        int[] columns = new int[size];
        int cells = 0;
        int blocks = 0;
        for (int i = 0; i < size; i++) {
            GeoPoint point = sites[i].point();
            slots[i] = sites[i].slot();
            latitudes[i] = point.latitude();
            longitudes[i] = point.longitude();
            cosines[i] = point.cosineOfLatitude();
            rows[i] = row(point);
            columns[i] = column(point);
            boolean newCell = i == 0 || rows[i] != rows[i - 1] || columns[i] != columns[i - 1];
            cells += newCell ? 1 : 0;
            blocks += i == 0 || blockOf(rows[i]) != blockOf(rows[i - 1]) || blockOf(columns[i]) != blockOf(columns[i - 1]) ? 1 : 0;
        }
        cellRows = new int[cells];
        cellColumns = new int[cells];
        cellCosines = new double[cells];
        cellNearCosines = new double[cells];
        cellSites = new int[cells + 1];
        blockRows = new int[blocks];
        blockColumns = new int[blocks];
        blockCosines = new double[blocks];
        blockNearCosines = new double[blocks];
        blockCells = new int[blocks + 1];
        homeBlocks = new int[slotCount];
        Arrays.fill(homeBlocks, NO_BLOCK_YET);
        int cell = -1;
        int block = -1;
        for (int i = 0; i < size; i++) {
            if (i == 0 || blockOf(rows[i]) != blockOf(rows[i - 1]) || blockOf(columns[i]) != blockOf(columns[i - 1])) {
                block++;
                blockRows[block] = blockOf(rows[i]);
                blockColumns[block] = blockOf(columns[i]);
                blockCosines[block] = cosineFarthestFromTheEquator(blockRows[block], BLOCK_DEGREES);
                blockNearCosines[block] = cosineNearestTheEquator(blockRows[block], BLOCK_DEGREES);
                blockCells[block] = cell + 1;
            }
            if (i == 0 || rows[i] != rows[i - 1] || columns[i] != columns[i - 1]) {
                cell++;
                cellRows[cell] = rows[i];
                cellColumns[cell] = columns[i];
                cellCosines[cell] = cosineFarthestFromTheEquator(rows[i], CELL_DEGREES);
                cellNearCosines[cell] = cosineNearestTheEquator(rows[i], CELL_DEGREES);
                cellSites[cell] = i;
            }
            int slot = slots[i];
            homeBlocks[slot] = homeBlocks[slot] == NO_BLOCK_YET || homeBlocks[slot] == block ? block : -1;
        }
        cellSites[cells] = size;
        blockCells[blocks] = cells;
    }

    /** The cells, nearest first by their lower bound: {@link NearestFirst#next} until the caller has what it needs. */
    NearestFirst nearestFirst(GeoPoint near) {
        return new NearestFirst(near);
    }

    /** How many sites there are. */
    int size() {
        return slots.length;
    }

    int firstSite(int cell) {
        return cellSites[cell];
    }

    int endOfSites(int cell) {
        return cellSites[cell + 1];
    }

    int slot(int site) {
        return slots[site];
    }

    /** The {@link GeoPoint#haversine} from a point (its latitude's cosine given) to a site. */
    double haversine(int site, GeoPoint near, double nearCosine) {
        return GeoPoint.haversine(near.latitude(), near.longitude(), nearCosine, latitudes[site], longitudes[site], cosines[site]);
    }

    /** What a segment keeps by slot, laid out site by site in the grid's order. */
    int[] bySite(int[] bySlot) {
        int[] bySite = new int[slots.length];
        for (int site = 0; site < slots.length; site++) {
            bySite[site] = bySlot[slots[site]];
        }
        return bySite;
    }

    /** The same bound for a {@link GeoPoint#haversine}; NaN for NaN. */
    static double kilometresAtLeast(double haversine) {
        return 2 * GeoPoint.EARTH_RADIUS_KM * Math.sqrt(haversine) * SHAVE;
    }

    /** The slots of {@code placed} with a site within the radius, set in {@code within}, which has none set. */
    long[] within(GeoPoint near, double radiusKm, long[] placed, long[] within) {
        double nearCosine = near.cosineOfLatitude();
        for (int block = 0; block < blockRows.length; block++) {
            double south = blockRows[block] * BLOCK_DEGREES;
            double west = blockColumns[block] * BLOCK_DEGREES;
            if (kilometresAtLeast(south, west, BLOCK_DEGREES, blockCosines[block], near, nearCosine) > radiusKm) {
                continue;
            }
            boolean wholeBlock = kilometresAtMost(south, west, BLOCK_DEGREES, blockNearCosines[block], near, nearCosine) < radiusKm;
            for (int cell = blockCells[block]; cell < blockCells[block + 1]; cell++) {
                boolean wholeCell = wholeBlock;
                if (!wholeBlock) {
                    double cellSouth = cellRows[cell] * CELL_DEGREES;
                    double cellWest = cellColumns[cell] * CELL_DEGREES;
                    if (kilometresAtLeast(cellSouth, cellWest, CELL_DEGREES, cellCosines[cell], near, nearCosine) > radiusKm) {
                        continue;
                    }
                    wholeCell = kilometresAtMost(cellSouth, cellWest, CELL_DEGREES, cellNearCosines[cell], near, nearCosine) < radiusKm;
                }
                if (wholeCell) {
                    // without a branch: whether a slot is placed is a coin toss the processor would mispredict
                    for (int site = cellSites[cell]; site < cellSites[cell + 1]; site++) {
                        int slot = slots[site];
                        within[slot >>> 6] |= placed[slot >>> 6] & 1L << slot;
                    }
                    continue;
                }
                for (int site = cellSites[cell]; site < cellSites[cell + 1]; site++) {
                    int slot = slots[site];
                    if ((placed[slot >>> 6] & 1L << slot) != 0 && isWithin(site, near, nearCosine, radiusKm)) {
                        within[slot >>> 6] |= 1L << slot;
                    }
                }
            }
        }
        return within;
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
    static boolean isWithin(double haversine, double radiusKm) {
        if (kilometresAtLeast(haversine) > radiusKm) {
            return false;
        }
        if (kilometresAtMost(haversine) < radiusKm) {
            return true;
        }
        return GeoPoint.kilometresOfHaversine(haversine) <= radiusKm;
    }

    /** An upper bound of the distance for a {@link GeoPoint#haversine}, as close as {@link #kilometresAtLeast(double)}. */
    static double kilometresAtMost(double haversine) {
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

    private static int row(GeoPoint point) {
        return (int) Math.floor(point.latitude() / CELL_DEGREES);
    }

    private static int column(GeoPoint point) {
        return (int) Math.floor(point.longitude() / CELL_DEGREES);
    }

    private static int blockOf(int cellRowOrColumn) {
        return Math.floorDiv(cellRowOrColumn, CELLS_A_BLOCK_SIDE);
    }

    /**
     * The cells in order of their lower bound, from a heap of blocks and cells: a block popped
     * pushes its cells, so the cells of far blocks are never looked at.
     */
    final class NearestFirst {

        private final GeoPoint near;
        private final double nearCosine;
        /** By block: a lower bound of the distance to any of its sites. */
        private final double[] blockKm;
        /** A binary heap of lower bounds; an item is a cell, or {@code ~block} for a block not opened yet. */
        private double[] bounds;
        private int[] items;
        private int size;
        private double atLeastKm;

        private NearestFirst(GeoPoint near) {
            this.near = near;
            this.nearCosine = near.cosineOfLatitude();
            int blocks = blockRows.length;
            blockKm = new double[blocks];
            bounds = new double[Math.max(16, blocks * 2)];
            items = new int[bounds.length];
            for (int block = 0; block < blocks; block++) {
                blockKm[block] = kilometresAtLeast(blockRows[block] * BLOCK_DEGREES, blockColumns[block] * BLOCK_DEGREES, BLOCK_DEGREES,
                        blockCosines[block], near, nearCosine);
                bounds[block] = blockKm[block];
                items[block] = ~block;
            }
            size = blocks;
            for (int i = size / 2 - 1; i >= 0; i--) {
                siftDown(i);
            }
        }

        /** The next nearest cell, or -1 when there is none left. */
        int next() {
            while (size > 0) {
                double bound = bounds[0];
                int item = items[0];
                size--;
                if (size > 0) {
                    bounds[0] = bounds[size];
                    items[0] = items[size];
                    siftDown(0);
                }
                if (item >= 0) {
                    atLeastKm = bound;
                    return item;
                }
                int block = ~item;
                for (int cell = blockCells[block]; cell < blockCells[block + 1]; cell++) {
                    push(kilometresAtLeast(cellRows[cell] * CELL_DEGREES, cellColumns[cell] * CELL_DEGREES, CELL_DEGREES,
                            cellCosines[cell], near, nearCosine), cell);
                }
            }
            return -1;
        }

        /** A lower bound of the distance to any site of the cell {@link #next} returned: no cell after it is nearer. */
        double atLeastKm() {
            return atLeastKm;
        }

        /**
         * A lower bound of the distance to every site of the service in this slot, from the block they
         * are all in (0 when they are in several): one read, where its own sites would be several.
         */
        double atLeastKmTo(int slot) {
            int block = homeBlocks[slot];
            return block < 0 ? 0 : blockKm[block];
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
