<?php
/**
 * Settings → Wegweiser checklist: the site's own content for the
 * stabilisation checklist (contacts, links, own steps, or a list of its own),
 * as JSON in the checklist's format, checked against the checklist's own
 * schema (schema/checklist-content.schema.json of @wegweiser/checklist, copied
 * here by the build) and served same-origin to the checklist blocks.
 *
 * @package Wegweiser
 */

defined( 'ABSPATH' ) || exit;

/** The checklist schema as a PHP array. */
function wegweiser_checklist_schema() {
	static $schema = null;
	if ( null === $schema ) {
		// A file of this plugin, not a remote request.
		$schema = json_decode( (string) file_get_contents( WEGWEISER_DIR . 'includes/checklist-content.schema.json' ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
	}
	return $schema;
}

/** The saved content as a JSON string, or '' when the site has none. */
function wegweiser_checklist_content() {
	return (string) get_option( 'wegweiser_checklist', '' );
}

/** The URL the checklist blocks read the site's content from, or '' when there is none. */
function wegweiser_checklist_url() {
	return '' === wegweiser_checklist_content() ? '' : rest_url( 'wegweiser/v1/checklist' );
}

/**
 * Keeps the content only if it is valid JSON in the checklist's format; else
 * keeps the old content and lists every problem by its JSONPath.
 *
 * @param mixed $input The submitted text.
 * @return string
 */
function wegweiser_sanitize_checklist( $input ) {
	$old  = wegweiser_checklist_content();
	$text = trim( (string) $input );
	if ( '' === $text ) {
		return '';
	}
	$content = json_decode( $text, true );
	if ( null === $content && JSON_ERROR_NONE !== json_last_error() ) {
		/* translators: %s: the JSON parser's message */
		add_settings_error( 'wegweiser_checklist', 'json', sprintf( __( 'Not saved: the text is not valid JSON (%s).', 'wegweiser' ), json_last_error_msg() ) );
		return $old;
	}
	$problems = array();
	$schema   = wegweiser_checklist_schema();
	wegweiser_schema_check( $schema, $schema, $content, '$', $problems );
	if ( $problems ) {
		$lines = array();
		foreach ( $problems as $problem ) {
			$lines[] = $problem['path'] . ' ' . $problem['message'];
		}
		/* translators: %s: the problems, one per line, each with its place in the JSON */
		add_settings_error( 'wegweiser_checklist', 'schema', sprintf( __( 'Not saved, because of these problems: %s', 'wegweiser' ), implode( '; ', $lines ) ) );
		return $old;
	}
	return wp_json_encode( $content, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
}

add_action(
	'admin_init',
	function () {
		register_setting(
			'wegweiser_checklist',
			'wegweiser_checklist',
			array(
				'type'              => 'string',
				'sanitize_callback' => 'wegweiser_sanitize_checklist',
				'default'           => '',
			)
		);
	}
);

add_action(
	'admin_menu',
	function () {
		add_options_page( __( 'Wegweiser checklist', 'wegweiser' ), __( 'Wegweiser checklist', 'wegweiser' ), 'manage_options', 'wegweiser-checklist', 'wegweiser_render_checklist_page' );
	}
);

/** The page; options.php checks the nonce and `manage_options`. */
function wegweiser_render_checklist_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$content = wegweiser_checklist_content();
	$pretty  = '' === $content ? '' : wp_json_encode( json_decode( $content, true ), JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
	echo '<div class="wrap"><h1>' . esc_html__( 'Wegweiser checklist', 'wegweiser' ) . '</h1>';
	echo '<p>' . esc_html__( 'The checklist blocks show the built-in steps in German and English. Here you can add your own contacts, links and steps to them, or replace them with a list of your own, in the checklist\'s JSON format (see the Wegweiser documentation, docs/checklist.md). Write it in the language of your pages.', 'wegweiser' ) . '</p>';
	echo '<p>' . esc_html__( 'It is checked when you save: if anything is wrong, nothing is saved and each problem is named with its place in the text, for example $.sections[0].items[1].link.href.', 'wegweiser' ) . '</p>';
	echo '<form action="options.php" method="post" novalidate>';
	settings_fields( 'wegweiser_checklist' );
	echo '<p><label for="wegweiser-checklist-content">' . esc_html__( 'Your content for the checklist (JSON; empty: only the built-in steps)', 'wegweiser' ) . '</label></p>';
	echo '<textarea id="wegweiser-checklist-content" name="wegweiser_checklist" class="large-text code" rows="20" spellcheck="false" aria-describedby="wegweiser-checklist-example">' . esc_textarea( $pretty ) . '</textarea>';
	echo '<p class="description" id="wegweiser-checklist-example">' . esc_html__( 'Example, a contact for the step "benefits": {"sections": [{"id": "money", "items": [{"id": "benefits", "contact": {"name": "Our centre", "phone": "0000 000000"}}]}]}', 'wegweiser' ) . '</p>';
	submit_button();
	echo '</form></div>';
}

add_action(
	'rest_api_init',
	function () {
		register_rest_route(
			'wegweiser/v1',
			'/checklist',
			array(
				'methods'             => 'GET',
				'callback'            => function () {
					$content = wegweiser_checklist_content();
					if ( '' === $content ) {
						return new WP_Error( 'wegweiser_no_checklist_content', __( 'This site has no own checklist content.', 'wegweiser' ), array( 'status' => 404 ) );
					}
					$response = new WP_REST_Response( json_decode( $content, true ) );
					$response->header( 'Cache-Control', 'public, max-age=300' );
					return $response;
				},
				// Public by design: it is what the checklist shows every visitor.
				'permission_callback' => '__return_true',
			)
		);
	}
);
