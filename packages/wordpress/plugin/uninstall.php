<?php
/**
 * Removes everything the plugin stored when it is deleted under Plugins:
 * the settings, every centre with its meta, the cached directory and the
 * capability. (Deactivating keeps them, so an update or a test run loses
 * nothing.) Pages keep their Wegweiser blocks as block comments; without the
 * plugin WordPress renders nothing for them.
 *
 * @package Wegweiser
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'wegweiser_settings' );
delete_option( 'wegweiser_checklist' );
delete_transient( 'wegweiser_directory' );

// Every centre, in any status, with its meta (wp_delete_post removes the meta too).
$wegweiser_centres = get_posts(
	array(
		'post_type'      => 'wegweiser_centre',
		'post_status'    => 'any',
		'posts_per_page' => -1,
		'fields'         => 'ids',
		'no_found_rows'  => true,
	)
);
// Trashed posts are not in 'any'.
$wegweiser_centres = array_merge(
	$wegweiser_centres,
	get_posts(
		array(
			'post_type'      => 'wegweiser_centre',
			'post_status'    => 'trash',
			'posts_per_page' => -1,
			'fields'         => 'ids',
			'no_found_rows'  => true,
		)
	)
);
foreach ( $wegweiser_centres as $wegweiser_centre ) {
	wp_delete_post( $wegweiser_centre, true );
}

foreach ( wp_roles()->role_objects as $wegweiser_role ) {
	$wegweiser_role->remove_cap( 'wegweiser_manage_centres' );
}
