/**
 * The application shell: page layout, the French/English switch, the home page and error pages.
 */
package ca.passerelle.web;
