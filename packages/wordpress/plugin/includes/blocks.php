<?php
/**
 * The blocks: one dynamic block per visitor widget (blocks/<name>/block.json
 * and render.php). The stored post holds only the block comment with its
 * attributes; the widget markup is made at render time, so what an Author
 * saves shows exactly as what an Administrator saves (no kses in between).
 *
 * @package Wegweiser
 */

defined( 'ABSPATH' ) || exit;

/** The block names, as folders under blocks/. */
function wegweiser_block_names() {
	return array( 'quick-exit', 'hours', 'service-finder', 'checklist', 'pictogram-card', 'pictogram-cards', 'contact-form', 'contact-replies' );
}

/**
 * The widget element's attributes: the block's wrapper attributes (class,
 * alignment, anchor), the site's theme, and the given ones, each escaped.
 *
 * @param array $attributes Attribute names and values.
 * @return string
 */
function wegweiser_block_attributes( $attributes ) {
	$settings = wegweiser_settings();
	if ( 'default' !== $settings['theme'] ) {
		$attributes['data-ww-theme'] = $settings['theme'];
	}
	return get_block_wrapper_attributes( $attributes );
}

add_action(
	'init',
	function () {
		$asset = include WEGWEISER_DIR . 'build/editor.asset.php';
		wp_register_script( 'wegweiser-editor', WEGWEISER_URL . 'build/editor.js', $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( 'wegweiser-editor', 'wegweiser', WEGWEISER_DIR . 'languages' );
		foreach ( wegweiser_block_names() as $name ) {
			register_block_type( WEGWEISER_DIR . 'blocks/' . $name );
		}
	}
);

/** What the editor needs to know about the site: the relay settings (checked), the finder's data URL, the catalogue of pictograms. */
add_action(
	'enqueue_block_editor_assets',
	function () {
		$settings = wegweiser_settings();
		$data     = array(
			'directoryUrl'  => wegweiser_directory_url(),
			'checklistUrl'  => wegweiser_checklist_url(),
			'settingsUrl'   => current_user_can( 'manage_options' ) ? admin_url( 'options-general.php?page=wegweiser' ) : '',
			'centresUrl'    => current_user_can( 'wegweiser_manage_centres' ) ? admin_url( 'edit.php?post_type=' . WEGWEISER_CENTRE_TYPE ) : '',
			'relay'         => $settings['relay_url'],
			'publicKey'     => $settings['public_key'],
			'quickExitHref' => $settings['quick_exit_href'],
			'locale'        => determine_locale(),
			// The language visitors get (the theme writes it into <html lang>), which can differ from the editor's own.
			'siteLanguage'  => get_bloginfo( 'language' ),
		);
		wp_add_inline_script( 'wegweiser-editor', 'window.wegweiserEditor = ' . wp_json_encode( $data ) . ';', 'before' );
	}
);

add_filter(
	'block_categories_all',
	function ( $categories ) {
		$categories[] = array(
			'slug'  => 'wegweiser',
			'title' => __( 'Wegweiser', 'wegweiser' ),
			'icon'  => null,
		);
		return $categories;
	}
);
