/**
 * Who may do what: the network's organisations, their people and roles, signing in with a second
 * factor, staff sessions, and the rules that guard every route.
 */
package ca.passerelle.identity;
