/**
 * Small value types every module speaks: localized text, provinces, places and the need domains.
 */
package ca.passerelle.shared;
