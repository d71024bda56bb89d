<?php
/**
 * Opening hours as words for the no-JavaScript fallback. The badge evaluates
 * the hours in the browser (with holidays and time zones); without JavaScript
 * a visitor still needs them, readable: "Mon–Thu 10:00–18:00" rather than
 * "Mo-Th 10:00-18:00". This only renames the tokens of the OpenStreetMap
 * syntax; it does not evaluate anything.
 *
 * @package Wegweiser
 */

defined( 'ABSPATH' ) || exit;

/**
 * The rules of an opening_hours value, each as a line of words.
 *
 * @param string $hours An opening_hours value, e.g. "Mo-Th 10:00-18:00; PH off".
 * @return string[]
 */
function wegweiser_hours_lines( $hours ) {
	$words = array(
		'Mo'      => _x( 'Mon', 'weekday abbreviation', 'wegweiser' ),
		'Tu'      => _x( 'Tue', 'weekday abbreviation', 'wegweiser' ),
		'We'      => _x( 'Wed', 'weekday abbreviation', 'wegweiser' ),
		'Th'      => _x( 'Thu', 'weekday abbreviation', 'wegweiser' ),
		'Fr'      => _x( 'Fri', 'weekday abbreviation', 'wegweiser' ),
		'Sa'      => _x( 'Sat', 'weekday abbreviation', 'wegweiser' ),
		'Su'      => _x( 'Sun', 'weekday abbreviation', 'wegweiser' ),
		'PH'      => __( 'public holidays', 'wegweiser' ),
		'SH'      => __( 'school holidays', 'wegweiser' ),
		'off'     => __( 'closed', 'wegweiser' ),
		'closed'  => __( 'closed', 'wegweiser' ),
		'open'    => __( 'open', 'wegweiser' ),
		'unknown' => __( 'by arrangement', 'wegweiser' ),
		'24/7'    => __( 'always open', 'wegweiser' ),
	);
	$lines = array();
	foreach ( preg_split( '/\s*(?:;|\|\|)\s*/', trim( (string) $hours ) ) as $rule ) {
		if ( '' === $rule ) {
			continue;
		}
		// Comments in quotes stay as written.
		$line = preg_replace_callback(
			'/"[^"]*"|24\/7|\b(?:Mo|Tu|We|Th|Fr|Sa|Su|PH|SH|off|closed|open|unknown)\b/',
			function ( $match ) use ( $words ) {
				return isset( $words[ $match[0] ] ) ? $words[ $match[0] ] : trim( $match[0], '"' );
			},
			$rule
		);
		// Ranges get an en dash, lists a space after the comma.
		$line    = preg_replace( '/\s*-\s*/', '–', $line );
		$line    = preg_replace( '/,(?=\S)/', ', ', $line );
		$lines[] = $line;
	}
	return $lines;
}
