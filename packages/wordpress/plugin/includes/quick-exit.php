<?php
/**
 * The quick exit on every page, right after the theme's skip link.
 *
 * Themes print the skip link in different places: classic themes (Twenty
 * Twenty-One) write it in header.php after wp_body_open, block themes
 * (Twenty Twenty-Four) insert it with a script right before
 * <div class="wp-site-blocks">. No hook runs after either, so the body is
 * buffered from wp_body_open to wp_footer and the quick exit is placed after
 * the skip link's </a>, else at the start of .wp-site-blocks, else where
 * wp_body_open ran. Keyboard users then meet "skip to content" first and the
 * quick exit second, as GOV.UK recommends.
 *
 * @package Wegweiser
 */

defined( 'ABSPATH' ) || exit;

/** The quick exit's markup: the widget, and inside it a plain link that works without JavaScript. */
function wegweiser_quick_exit_markup() {
	$settings = wegweiser_settings();
	$href     = $settings['quick_exit_href'];
	$attrs    = array(
		'href'      => $href,
		'placement' => $settings['quick_exit_placement'],
		'class'     => 'wegweiser-quick-exit',
	);
	if ( 'default' !== $settings['theme'] ) {
		$attrs['data-ww-theme'] = $settings['theme'];
	}
	$html = '<ww-quick-exit';
	foreach ( $attrs as $name => $value ) {
		$html .= ' ' . $name . '="' . ( 'href' === $name ? esc_url( $value ) : esc_attr( $value ) ) . '"';
	}
	return $html . '><a href="' . esc_url( $href ) . '" rel="noreferrer">' . esc_html__( 'Leave this page', 'wegweiser' ) . '</a></ww-quick-exit>';
}

/**
 * Puts the quick exit into the buffered start of the body.
 *
 * @param string $html The body from wp_body_open to wp_footer.
 * @return string
 */
function wegweiser_place_quick_exit( $html ) {
	$markup = wegweiser_quick_exit_markup();
	if ( preg_match( '/<a\b[^>]*\bclass=(["\'])[^"\']*\bskip-link\b[^>]*>.*?<\/a>/is', $html, $match, PREG_OFFSET_CAPTURE ) ) {
		$end = $match[0][1] + strlen( $match[0][0] );
		return substr( $html, 0, $end ) . $markup . substr( $html, $end );
	}
	if ( preg_match( '/<div\b[^>]*\bclass=(["\'])[^"\']*\bwp-site-blocks\b[^>]*>/i', $html, $match, PREG_OFFSET_CAPTURE ) ) {
		$end = $match[0][1] + strlen( $match[0][0] );
		return substr( $html, 0, $end ) . $markup . substr( $html, $end );
	}
	return $markup . $html;
}

add_action(
	'wp_body_open',
	function () {
		$settings = wegweiser_settings();
		if ( ! $settings['quick_exit'] || is_admin() ) {
			return;
		}
		ob_start( 'wegweiser_place_quick_exit' );
		$level = ob_get_level();
		// The buffer ends before the footer scripts, so nothing printed late is held back.
		// Only this buffer: one opened by someone else in between is theirs to close.
		add_action(
			'wp_footer',
			function () use ( $level ) {
				if ( ob_get_level() === $level ) {
					ob_end_flush();
				}
			},
			0
		);
	},
	// Late, so that anything other plugins print at the start of the body stays before the buffer.
	PHP_INT_MAX
);

/*
 * The admin bar is fixed at the top for logged-in users (z-index 99999): a
 * sticky quick exit at the top of the viewport would slide under it. WordPress
 * sets --wp-admin--admin-bar--height while the bar shows; on phones
 * (below 600px) the bar scrolls away with the page, so there the offset is 0.
 */
add_action(
	'wp_enqueue_scripts',
	function () {
		if ( is_admin_bar_showing() ) {
			wp_add_inline_style( 'wegweiser-page', 'ww-quick-exit[placement=sticky]{--ww-quick-exit-inset-block-start:var(--wp-admin--admin-bar--height,0px)}@media screen and (max-width:600px){ww-quick-exit[placement=sticky]{--ww-quick-exit-inset-block-start:0px}}' );
		}
	},
	20
);
