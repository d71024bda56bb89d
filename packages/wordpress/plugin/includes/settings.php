<?php
/**
 * Settings → Wegweiser: one option, `wegweiser_settings`, with a sanitize
 * callback that keeps only known keys and valid values.
 *
 * @package Wegweiser
 */

defined( 'ABSPATH' ) || exit;

/** The settings with their defaults. */
function wegweiser_default_settings() {
	return array(
		'quick_exit'      => true,
		// A page that looks ordinary on a shared phone (docs/embedding.md).
		'quick_exit_href' => 'https://de.wikipedia.org/',
		'quick_exit_placement' => 'sticky',
		'relay_url'       => '',
		'public_key'      => '',
		'theme'           => 'default',
		'theme_font'      => true,
		'loading'         => 'loader',
	);
}

/** The saved settings, completed with defaults. */
function wegweiser_settings() {
	$saved = get_option( 'wegweiser_settings', array() );
	return array_merge( wegweiser_default_settings(), is_array( $saved ) ? $saved : array() );
}

/** The themes of @wegweiser/tokens; `auto` follows the visitor's system. */
function wegweiser_themes() {
	return array(
		'default'       => __( 'Light (default)', 'wegweiser' ),
		'dark'          => __( 'Dark', 'wegweiser' ),
		'high-contrast' => __( 'High contrast', 'wegweiser' ),
		'auto'          => __( 'Follow the visitor\'s system', 'wegweiser' ),
	);
}

/**
 * Checks a public key as the contact form does (`wwk1.<centre>.<key>.<check>`,
 * the check value being the first 8 base64url characters of SHA-256 over the
 * rest), so that a key damaged by copy and paste is caught here and not by a
 * visitor whose message nobody could read.
 *
 * @param string $key The key as pasted.
 * @return string '' when the key is valid, else what is wrong.
 */
function wegweiser_public_key_problem( $key ) {
	$parts = explode( '.', $key );
	if ( 4 !== count( $parts ) || 'wwk1' !== $parts[0] ) {
		return __( 'The public key must look like wwk1.<centre>.<key>.<check>. Copy it again from the relay.', 'wegweiser' );
	}
	list( , $centre, $raw, $check ) = $parts;
	if ( ! preg_match( '/^[a-z0-9][a-z0-9-]{0,63}$/', $centre ) ) {
		return __( 'The centre name inside the public key is not valid.', 'wegweiser' );
	}
	if ( 43 !== strlen( $raw ) || ! preg_match( '/^[A-Za-z0-9_-]+$/', $raw ) ) {
		return __( 'The public key is damaged. Copy it again.', 'wegweiser' );
	}
	$digest   = hash( 'sha256', 'wwk1.' . $centre . '.' . $raw, true );
	$expected = substr( rtrim( strtr( base64_encode( $digest ), '+/', '-_' ), '=' ), 0, 8 ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- base64url of a hash, as the widget computes it.
	if ( ! hash_equals( $expected, $check ) ) {
		return __( 'The public key does not match its check value. Copy it again.', 'wegweiser' );
	}
	return '';
}

/**
 * Keeps only known keys with valid values. Invalid input keeps the old value
 * and adds a settings error that names the field.
 *
 * @param mixed $input The submitted values.
 * @return array
 */
function wegweiser_sanitize_settings( $input ) {
	$old    = wegweiser_settings();
	$input  = is_array( $input ) ? $input : array();
	$output = $old;

	$output['quick_exit'] = ! empty( $input['quick_exit'] );
	$output['theme_font'] = ! empty( $input['theme_font'] );

	$href = isset( $input['quick_exit_href'] ) ? trim( (string) $input['quick_exit_href'] ) : '';
	if ( '' !== $href && false !== filter_var( $href, FILTER_VALIDATE_URL ) && preg_match( '#^https?://#i', $href ) ) {
		$output['quick_exit_href'] = esc_url_raw( $href, array( 'http', 'https' ) );
	} else {
		add_settings_error( 'wegweiser_settings', 'quick_exit_href', __( 'The quick exit needs a full web address starting with https:// (the old address is kept).', 'wegweiser' ) );
	}

	$relay = isset( $input['relay_url'] ) ? trim( (string) $input['relay_url'] ) : '';
	if ( '' === $relay ) {
		$output['relay_url'] = '';
	} elseif ( ( preg_match( '#^https://#i', $relay ) && false !== filter_var( $relay, FILTER_VALIDATE_URL ) ) || preg_match( '#^http://(localhost|127\.0\.0\.1)(:\d+)?(/|$)#', $relay ) ) {
		// The relay must be HTTPS: the browser's encryption API works only on secure pages anyway.
		$output['relay_url'] = esc_url_raw( $relay, array( 'http', 'https' ) );
	} else {
		add_settings_error( 'wegweiser_settings', 'relay_url', __( 'The relay address must start with https:// (the old address is kept).', 'wegweiser' ) );
	}

	$key = isset( $input['public_key'] ) ? trim( (string) $input['public_key'] ) : '';
	if ( '' === $key ) {
		$output['public_key'] = '';
	} else {
		$problem = wegweiser_public_key_problem( $key );
		if ( '' === $problem ) {
			$output['public_key'] = $key;
		} else {
			/* translators: %s: what is wrong with the key */
			add_settings_error( 'wegweiser_settings', 'public_key', sprintf( __( 'Public key not saved: %s', 'wegweiser' ), $problem ) );
		}
	}

	$placement                      = isset( $input['quick_exit_placement'] ) ? (string) $input['quick_exit_placement'] : '';
	$output['quick_exit_placement'] = in_array( $placement, array( 'sticky', 'inline' ), true ) ? $placement : 'sticky';

	$theme           = isset( $input['theme'] ) ? (string) $input['theme'] : '';
	$output['theme'] = array_key_exists( $theme, wegweiser_themes() ) ? $theme : 'default';

	$loading           = isset( $input['loading'] ) ? (string) $input['loading'] : '';
	$output['loading'] = in_array( $loading, array( 'loader', 'bundle' ), true ) ? $loading : 'loader';

	return $output;
}

add_action(
	'admin_init',
	function () {
		register_setting(
			'wegweiser',
			'wegweiser_settings',
			array(
				'type'              => 'object',
				'sanitize_callback' => 'wegweiser_sanitize_settings',
				'default'           => wegweiser_default_settings(),
			)
		);

		add_settings_section( 'wegweiser_quick_exit', __( 'Quick exit', 'wegweiser' ), 'wegweiser_section_quick_exit', 'wegweiser' );
		add_settings_field( 'wegweiser_quick_exit', __( 'On every page', 'wegweiser' ), 'wegweiser_field_quick_exit', 'wegweiser', 'wegweiser_quick_exit', array( 'label_for' => 'wegweiser-quick-exit' ) );
		add_settings_field( 'wegweiser_quick_exit_href', __( 'Destination', 'wegweiser' ), 'wegweiser_field_quick_exit_href', 'wegweiser', 'wegweiser_quick_exit', array( 'label_for' => 'wegweiser-quick-exit-href' ) );

		add_settings_field( 'wegweiser_quick_exit_placement', __( 'Placement', 'wegweiser' ), 'wegweiser_field_quick_exit_placement', 'wegweiser', 'wegweiser_quick_exit' );

		add_settings_section( 'wegweiser_contact', __( 'Anonymous contact', 'wegweiser' ), 'wegweiser_section_contact', 'wegweiser' );
		add_settings_field( 'wegweiser_relay_url', __( 'Relay address', 'wegweiser' ), 'wegweiser_field_relay_url', 'wegweiser', 'wegweiser_contact', array( 'label_for' => 'wegweiser-relay-url' ) );
		add_settings_field( 'wegweiser_public_key', __( 'Public key', 'wegweiser' ), 'wegweiser_field_public_key', 'wegweiser', 'wegweiser_contact', array( 'label_for' => 'wegweiser-public-key' ) );

		add_settings_section( 'wegweiser_look', __( 'Look and loading', 'wegweiser' ), '__return_null', 'wegweiser' );
		add_settings_field( 'wegweiser_theme', __( 'Colours', 'wegweiser' ), 'wegweiser_field_theme', 'wegweiser', 'wegweiser_look', array( 'label_for' => 'wegweiser-theme' ) );
		add_settings_field( 'wegweiser_theme_font', __( 'Font', 'wegweiser' ), 'wegweiser_field_theme_font', 'wegweiser', 'wegweiser_look', array( 'label_for' => 'wegweiser-theme-font' ) );
		add_settings_field( 'wegweiser_loading', __( 'Widget code', 'wegweiser' ), 'wegweiser_field_loading', 'wegweiser', 'wegweiser_look' );
	}
);

add_action(
	'admin_menu',
	function () {
		add_options_page( __( 'Wegweiser', 'wegweiser' ), __( 'Wegweiser', 'wegweiser' ), 'manage_options', 'wegweiser', 'wegweiser_render_settings_page' );
	}
);

/** The settings page; options.php checks the nonce and `manage_options`. */
function wegweiser_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html__( 'Wegweiser settings', 'wegweiser' ) . '</h1>';
	echo '<form action="options.php" method="post" novalidate>';
	settings_fields( 'wegweiser' );
	do_settings_sections( 'wegweiser' );
	submit_button();
	echo '</form></div>';
}

/** The help text of a field, linked to it with aria-describedby. */
function wegweiser_field_help( $id, $text ) {
	echo '<p class="description" id="' . esc_attr( $id ) . '-help">' . esc_html( $text ) . '</p>';
}

function wegweiser_section_quick_exit() {
	echo '<p>' . esc_html__( 'A button that leaves the site at once (also: press Shift three times). It is placed right after the theme\'s skip link and stays visible below the admin bar.', 'wegweiser' ) . '</p>';
}

function wegweiser_section_contact() {
	echo '<p>' . esc_html__( 'The contact blocks send encrypted messages to your relay. Enter the relay\'s address and the public key it printed once; every contact block uses them.', 'wegweiser' ) . '</p>';
}

function wegweiser_field_quick_exit() {
	$settings = wegweiser_settings();
	echo '<input type="checkbox" id="wegweiser-quick-exit" name="wegweiser_settings[quick_exit]" value="1" aria-describedby="wegweiser-quick-exit-help" ' . checked( $settings['quick_exit'], true, false ) . '> ';
	wegweiser_field_help( 'wegweiser-quick-exit', __( 'Show the quick exit at the top of every page of the site.', 'wegweiser' ) );
}

function wegweiser_field_quick_exit_href() {
	$settings = wegweiser_settings();
	echo '<input type="url" class="regular-text" id="wegweiser-quick-exit-href" name="wegweiser_settings[quick_exit_href]" value="' . esc_attr( $settings['quick_exit_href'] ) . '" aria-describedby="wegweiser-quick-exit-href-help">';
	wegweiser_field_help( 'wegweiser-quick-exit-href', __( 'The page the quick exit opens: one that looks ordinary on a shared phone, such as a news or weather page.', 'wegweiser' ) );
}

function wegweiser_field_quick_exit_placement() {
	$settings = wegweiser_settings();
	$choices  = array(
		'sticky' => __( 'Stays at the top of the window while scrolling (recommended)', 'wegweiser' ),
		'inline' => __( 'At the top of the page only', 'wegweiser' ),
	);
	echo '<fieldset><legend class="screen-reader-text">' . esc_html__( 'Placement', 'wegweiser' ) . '</legend>';
	foreach ( $choices as $value => $label ) {
		echo '<label><input type="radio" name="wegweiser_settings[quick_exit_placement]" value="' . esc_attr( $value ) . '" ' . checked( $settings['quick_exit_placement'], $value, false ) . '> ' . esc_html( $label ) . '</label><br>';
	}
	echo '</fieldset>';
}

function wegweiser_field_relay_url() {
	$settings = wegweiser_settings();
	echo '<input type="url" class="regular-text" id="wegweiser-relay-url" name="wegweiser_settings[relay_url]" value="' . esc_attr( $settings['relay_url'] ) . '" aria-describedby="wegweiser-relay-url-help">';
	wegweiser_field_help( 'wegweiser-relay-url', __( 'For example https://relay.example.org. Leave empty if you do not use the contact blocks.', 'wegweiser' ) );
}

function wegweiser_field_public_key() {
	$settings = wegweiser_settings();
	$problem  = '' === $settings['public_key'] ? '' : wegweiser_public_key_problem( $settings['public_key'] );
	echo '<input type="text" class="large-text code" id="wegweiser-public-key" name="wegweiser_settings[public_key]" value="' . esc_attr( $settings['public_key'] ) . '" spellcheck="false" autocomplete="off" aria-describedby="wegweiser-public-key-help"' . ( '' === $problem ? '' : ' aria-invalid="true"' ) . '>';
	wegweiser_field_help( 'wegweiser-public-key', __( 'Starts with wwk1. The key is checked when you save: a character lost in copying is caught.', 'wegweiser' ) );
}

function wegweiser_field_theme() {
	$settings = wegweiser_settings();
	echo '<select id="wegweiser-theme" name="wegweiser_settings[theme]">';
	foreach ( wegweiser_themes() as $value => $label ) {
		echo '<option value="' . esc_attr( $value ) . '" ' . selected( $settings['theme'], $value, false ) . '>' . esc_html( $label ) . '</option>';
	}
	echo '</select>';
}

function wegweiser_field_theme_font() {
	$settings = wegweiser_settings();
	echo '<input type="checkbox" id="wegweiser-theme-font" name="wegweiser_settings[theme_font]" value="1" aria-describedby="wegweiser-theme-font-help" ' . checked( $settings['theme_font'], true, false ) . '> ';
	wegweiser_field_help( 'wegweiser-theme-font', __( 'Use the theme\'s font in the widgets (otherwise they use the system font).', 'wegweiser' ) );
}

function wegweiser_field_loading() {
	$settings = wegweiser_settings();
	$choices  = array(
		'loader' => __( 'Load only the widgets a page uses (recommended)', 'wegweiser' ),
		'bundle' => __( 'Load every widget in one file', 'wegweiser' ),
	);
	echo '<fieldset><legend class="screen-reader-text">' . esc_html__( 'Widget code', 'wegweiser' ) . '</legend>';
	foreach ( $choices as $value => $label ) {
		echo '<label><input type="radio" name="wegweiser_settings[loading]" value="' . esc_attr( $value ) . '" ' . checked( $settings['loading'], $value, false ) . '> ' . esc_html( $label ) . '</label><br>';
	}
	echo '</fieldset>';
}
