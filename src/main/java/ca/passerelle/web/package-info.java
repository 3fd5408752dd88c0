/**
 * The application shell: page layout, the language of a page (French and English everywhere, the
 * finder's nine interface languages on its own pages), the staff home and error pages.
 */
package ca.passerelle.web;
