<?php
/**
 * The widget files, all from this plugin's assets/ folder (the dist/ of
 * @wegweiser/widgets): never a CDN, never another host.
 *
 * @package Wegweiser
 */

defined( 'ABSPATH' ) || exit;

/** The URL of a file in assets/. */
function wegweiser_asset_url( $file ) {
	return WEGWEISER_URL . 'assets/' . $file;
}

/** The page styles: tokens, the calm first render, pictogram card layout, and the theme's font if chosen. */
function wegweiser_enqueue_styles() {
	wp_enqueue_style( 'wegweiser-tokens', wegweiser_asset_url( 'tokens.css' ), array(), WEGWEISER_VERSION );
	// Reserves each widget's height and styles the fallbacks, so the page does not jump when the widgets arrive.
	wp_enqueue_style( 'wegweiser-page', wegweiser_asset_url( 'wegweiser.css' ), array( 'wegweiser-tokens' ), WEGWEISER_VERSION );
	wp_enqueue_style( 'wegweiser-pictogram-card', wegweiser_asset_url( 'pictogram-card.css' ), array( 'wegweiser-tokens' ), WEGWEISER_VERSION );
	$settings = wegweiser_settings();
	if ( $settings['theme_font'] ) {
		// Styles of the page win over a shadow root's :host rules, and the widgets'
		// controls use `font: inherit`, so this is all it takes.
		wp_add_inline_style( 'wegweiser-page', ':where(ww-quick-exit,ww-hours-badge,ww-service-finder,ww-stabilisation-checklist,ww-pictogram-card,ww-contact-form,ww-contact-replies){font-family:inherit}' );
	}
}

/** The entry module: the loader (only the widgets on the page) or every widget in one file. */
function wegweiser_entry_file() {
	$settings = wegweiser_settings();
	return 'bundle' === $settings['loading'] ? 'wegweiser.js' : 'wegweiser-loader.js';
}

add_action(
	'wp_enqueue_scripts',
	function () {
		wegweiser_enqueue_styles();
		// Printed as <script type="module">; the chunks it loads carry content
		// hashes in their names, so only this entry needs ?ver=.
		wp_register_script_module( 'wegweiser-widgets', wegweiser_asset_url( wegweiser_entry_file() ), array(), WEGWEISER_VERSION );
		wp_enqueue_script_module( 'wegweiser-widgets' );
	}
);

/*
 * The block editor's canvas is an iframe. WordPress 6.5 copies the styles and
 * classic scripts enqueued on enqueue_block_assets into it, but not script
 * modules, so the editor gets the loader as a classic script tag that is
 * turned into a module tag below. With it the blocks show the live widgets.
 */
add_action(
	'enqueue_block_assets',
	function () {
		if ( ! is_admin() ) {
			return;
		}
		wegweiser_enqueue_styles();
		wp_enqueue_script( 'wegweiser-widgets-canvas', wegweiser_asset_url( 'wegweiser-loader.js' ), array(), WEGWEISER_VERSION, false );
	}
);

add_filter(
	'script_loader_tag',
	function ( $tag, $handle ) {
		if ( 'wegweiser-widgets-canvas' !== $handle ) {
			return $tag;
		}
		// Without the theme's html5 support WordPress writes type="text/javascript" itself.
		$tag = preg_replace( '/\stype=([\'"])text\/javascript\1/', '', $tag );
		return str_replace( '<script ', '<script type="module" ', $tag );
	},
	10,
	2
);
