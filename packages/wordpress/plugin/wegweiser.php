<?php
/**
 * Plugin Name:       Wegweiser
 * Plugin URI:        https://github.com/wegweiser/wegweiser
 * Description:       Accessible, private, multilingual widgets for counselling services: quick exit, opening hours, service finder, checklist, pictogram cards, anonymous contact. Every file is served from this site.
 * Version:           0.1.0
 * Requires at least: 6.5
 * Requires PHP:      7.4
 * Author:            Wegweiser contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       wegweiser
 * Domain Path:       /languages
 *
 * @package Wegweiser
 */

defined( 'ABSPATH' ) || exit;

// Replaced by the build with the version of packages/wordpress/package.json.
define( 'WEGWEISER_VERSION', '0.1.0' );
define( 'WEGWEISER_FILE', __FILE__ );
define( 'WEGWEISER_DIR', plugin_dir_path( __FILE__ ) );
define( 'WEGWEISER_URL', plugin_dir_url( __FILE__ ) );

require_once WEGWEISER_DIR . 'includes/settings.php';
require_once WEGWEISER_DIR . 'includes/assets.php';
require_once WEGWEISER_DIR . 'includes/hours-text.php';
require_once WEGWEISER_DIR . 'includes/directory-schema.php';
require_once WEGWEISER_DIR . 'includes/centres.php';
require_once WEGWEISER_DIR . 'includes/centre-form.php';
require_once WEGWEISER_DIR . 'includes/centres-import.php';
require_once WEGWEISER_DIR . 'includes/checklist-content.php';
require_once WEGWEISER_DIR . 'includes/blocks.php';
require_once WEGWEISER_DIR . 'includes/quick-exit.php';
require_once WEGWEISER_DIR . 'includes/privacy.php';

/**
 * The capability for the list of centres. Administrators get it on activation;
 * a site can give it to Editors (or any role) with a role plugin, so that the
 * person who keeps the list need not be an Administrator.
 */
const WEGWEISER_CENTRES_CAP = 'wegweiser_manage_centres';

/** Gives Administrators the centres capability and registers the post type before the rewrite rules are rebuilt. */
function wegweiser_activate() {
	$role = get_role( 'administrator' );
	if ( $role ) {
		$role->add_cap( WEGWEISER_CENTRES_CAP );
	}
	wegweiser_register_centre_type();
	flush_rewrite_rules();
}
register_activation_hook( __FILE__, 'wegweiser_activate' );

/** Deactivation keeps data (uninstall.php removes it) but drops the post type's rewrite rules. */
function wegweiser_deactivate() {
	flush_rewrite_rules();
}
register_deactivation_hook( __FILE__, 'wegweiser_deactivate' );

// Since WordPress 4.6 translations of plugins from wordpress.org load on their own;
// this plugin ships its own in languages/, so it loads them itself.
add_action(
	'init',
	function () {
		load_plugin_textdomain( 'wegweiser', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
	},
	0
);
