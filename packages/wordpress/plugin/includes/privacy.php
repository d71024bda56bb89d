<?php
/**
 * A suggested text for the site's privacy policy (Settings → Privacy shows
 * it under "Policies" with a button to copy it).
 *
 * @package Wegweiser
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'admin_init',
	function () {
		if ( ! function_exists( 'wp_add_privacy_policy_content' ) ) {
			return;
		}
		$paragraphs = array(
			__( 'This site uses the Wegweiser widgets (for example the "Leave this page" button, opening hours and the search for counselling centres). All their files are served from this website. Your browser loads them from us, like the other parts of this page; no other website receives your IP address because of them.', 'wegweiser' ),
			__( 'The widgets set no cookies, count nothing and do not track you. They store nothing in your browser unless you choose it: the checklist and the reply code are kept on your device only if you tick "Keep on this device", and you can delete them there at any time.', 'wegweiser' ),
			__( 'The search for counselling centres runs in your browser. What you type (a postcode, a place, a topic) is not sent to us or anyone else. "Near me" asks your browser for your location only when you press it; the location is used for this search and not stored.', 'wegweiser' ),
			__( 'If you send a message with the contact form, it is encrypted in your browser before it leaves it. Our relay server keeps the encrypted message until our counselling team has read it, and deletes it after the retention period we set (30 days unless stated otherwise). The relay stores no IP address. Name, phone number or e-mail address are needed only if you want an answer that way, and you decide that in the form.', 'wegweiser' ),
		);
		$content = '';
		foreach ( $paragraphs as $paragraph ) {
			$content .= '<p>' . esc_html( $paragraph ) . '</p>';
		}
		wp_add_privacy_policy_content( __( 'Wegweiser', 'wegweiser' ), wp_kses_post( $content ) );
	}
);
