package dev.tenantfleet.service.adoption;

/**
 * A row of an import with where it came from.
 *
 * @param line    CSV line of the row, or its position in the JSON array (from 1)
 * @param request the row; null when it could not be read
 * @param error   why the row could not be read (a CSV row with too many fields, say); null when it was read
 */
record NumberedRequest(int line, AdoptionRequest request, String error) {}
