package porttracer.search;

/** A caution on an edge location: the port may not lead to one device. */
record Badge(String code, String text) {
}
