<?php
/**
 * Plugin Name:       Wegweiser widgets (self-hosted)
 * Description:       Loads the Wegweiser widgets from this site (no CDN), lets editors place them in Custom HTML blocks, and can put a quick exit on every page.
 * Version:           0.1.0
 * Requires at least: 6.5
 * Requires PHP:      7.4
 * License:           MIT
 *
 * Copy the whole dist/ folder of @wegweiser/widgets into assets/ beside this file
 * (wegweiser-loader.js, wegweiser.js, tokens.css and the ww-*.js chunks), then
 * activate the plugin. See docs/embedding-wordpress.md.
 */

defined( 'ABSPATH' ) || exit;

/** The version of the copied files: change it when you copy a new release, so browsers fetch the new loader. */
const WEGWEISER_VERSION = '0.1.0';

/**
 * The neutral page the quick exit opens. Set it to '' to place no quick exit
 * automatically (for example if your theme template has its own).
 */
const WEGWEISER_QUICK_EXIT_HREF = 'https://de.wikipedia.org/';

add_action(
	'wp_enqueue_scripts',
	function () {
		$base = plugin_dir_url( __FILE__ ) . 'assets/';
		wp_enqueue_style( 'wegweiser-tokens', $base . 'tokens.css', array(), WEGWEISER_VERSION );
		// The loader registers only the widgets present on the page and fetches
		// their code from the same folder when one appears. WordPress prints it as
		// <script type="module">. The chunks it loads have content hashes in
		// their names, so they never need a ?ver= of their own.
		wp_register_script_module( 'wegweiser-loader', $base . 'wegweiser-loader.js', array(), WEGWEISER_VERSION );
		wp_enqueue_script_module( 'wegweiser-loader' );
	}
);

// The quick exit belongs on every page, right after the skip link. Themes call
// wp_body_open since WordPress 5.2; a theme that does not needs the markup in
// its header template instead.
add_action(
	'wp_body_open',
	function () {
		if ( '' === WEGWEISER_QUICK_EXIT_HREF ) {
			return;
		}
		$href = esc_url( WEGWEISER_QUICK_EXIT_HREF );
		echo '<ww-quick-exit href="' . $href . '" placement="sticky">'
			. '<a href="' . $href . '" rel="noreferrer">' . esc_html__( 'Seite verlassen', 'wegweiser' ) . '</a>'
			. '</ww-quick-exit>';
	}
);

// Editors without the unfiltered_html capability (Authors, Contributors, and on
// multisite everyone but Super Admins) lose unknown tags when they save. This
// allows the ww-* tags with exactly their own attributes in post content.
add_filter(
	'wp_kses_allowed_html',
	function ( $tags, $context ) {
		if ( 'post' !== $context ) {
			return $tags;
		}
		// generated:wordpress-kses
		// Generated from the widgets' custom-elements.json (scripts/ide-data.mjs).
		$widgets = array(
			'ww-quick-exit' => array( 'href', 'placement', 'label', 'hint', 'overlay-text', 'pending-text', 'expired-text', 'lang', 'dir', 'data-ww-theme', 'id', 'class' ),
			'ww-hours-badge' => array( 'hours', 'region', 'subregion', 'time-zone', 'channel', 'now', 'show-week', 'lang', 'dir', 'data-ww-theme', 'id', 'class' ),
			'ww-pictogram-card' => array( 'pictogram', 'src', 'heading-level', 'languages-label', 'read-aloud-label', 'stop-label', 'lang', 'dir', 'data-ww-theme', 'id', 'class' ),
			'ww-service-finder' => array( 'src', 'url-state', 'debug', 'radius', 'heading-level', 'now', 'lang', 'dir', 'data-ww-theme', 'id', 'class' ),
			'ww-stabilisation-checklist' => array( 'mode', 'simple', 'src', 'storage-key', 'lang', 'dir', 'data-ww-theme', 'id', 'class' ),
			'ww-contact-form' => array( 'relay', 'public-key', 'answer-time', 'replies-href', 'lang', 'dir', 'data-ww-theme', 'id', 'class' ),
			'ww-contact-replies' => array( 'relay', 'public-key', 'lang', 'dir', 'data-ww-theme', 'id', 'class' ),
			'ww-contact-inbox' => array( 'relay', 'centre', 'lang', 'dir', 'data-ww-theme', 'id', 'class' ),
		);
		// /generated:wordpress-kses
		foreach ( $widgets as $tag => $attributes ) {
			$tags[ $tag ] = array_fill_keys( $attributes, true );
		}
		// Child markup some widgets read: language versions of a pictogram card
		// (<div lang data-variant data-draft>), the finder's help text (slot="help").
		$tags['div'] = array_merge( isset( $tags['div'] ) ? $tags['div'] : array(), array_fill_keys( array( 'lang', 'dir', 'slot', 'data-variant', 'data-draft' ), true ) );
		$tags['a']   = array_merge( isset( $tags['a'] ) ? $tags['a'] : array(), array_fill_keys( array( 'data-action', 'hreflang' ), true ) );
		return $tags;
	},
	10,
	2
);
