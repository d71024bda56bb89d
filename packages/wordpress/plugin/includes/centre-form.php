<?php
/**
 * The edit form of a centre: one field for every field of the directory
 * format, grouped in fieldsets with visible labels and help texts.
 *
 * @package Wegweiser
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'add_meta_boxes_' . WEGWEISER_CENTRE_TYPE,
	function () {
		add_meta_box( 'wegweiser-centre', __( 'Directory entry', 'wegweiser' ), 'wegweiser_render_centre_form', WEGWEISER_CENTRE_TYPE, 'normal', 'high' );
	}
);

/*
 * The centre form checks each opening-hours field with the badge's own parser
 * while the editor types, and previews a valid value as the badge with the
 * coming week; the import page converts HSDS files in the browser
 * (editor/admin.js, and the widget code as on the site).
 */
add_action(
	'admin_enqueue_scripts',
	function () {
		$screen = get_current_screen();
		$centre_form = $screen && 'post' === $screen->base && WEGWEISER_CENTRE_TYPE === $screen->post_type;
		$import_page = $screen && '_page_wegweiser-centres-transfer' === substr( $screen->base, -32 );
		if ( ! $centre_form && ! $import_page ) {
			return;
		}
		$asset = include WEGWEISER_DIR . 'build/admin.asset.php';
		wp_enqueue_script( 'wegweiser-admin', WEGWEISER_URL . 'build/admin.js', $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( 'wegweiser-admin', 'wegweiser', WEGWEISER_DIR . 'languages' );
		wegweiser_enqueue_styles();
		wp_enqueue_script( 'wegweiser-widgets-canvas', wegweiser_asset_url( 'wegweiser-loader.js' ), array(), WEGWEISER_VERSION, false );
	}
);

/** A text input with its label and an optional help text. */
function wegweiser_centre_input( $name, $label, $value, $help = '', $type = 'text', $extra = '' ) {
	$id = 'wegweiser-' . $name;
	echo '<p class="wegweiser-field"><label for="' . esc_attr( $id ) . '">' . esc_html( $label ) . '</label><br>';
	$described = '' === $help ? '' : ' aria-describedby="' . esc_attr( $id . '-help' ) . '"';
	if ( 'textarea' === $type ) {
		echo '<textarea class="large-text" rows="3" id="' . esc_attr( $id ) . '" name="wegweiser[' . esc_attr( $name ) . ']"' . $described . '>' . esc_textarea( $value ) . '</textarea>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- $described is escaped above.
	} else {
		echo '<input class="regular-text" type="' . esc_attr( $type ) . '" id="' . esc_attr( $id ) . '" name="wegweiser[' . esc_attr( $name ) . ']" value="' . esc_attr( $value ) . '"' . $described . ' ' . $extra . '>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- $described is escaped above, $extra is a constant of this file.
	}
	if ( '' !== $help ) {
		echo '<br><span class="description" id="' . esc_attr( $id . '-help' ) . '">' . esc_html( $help ) . '</span>';
	}
	echo '</p>';
}

/** A group of checkboxes in a fieldset with a legend. */
function wegweiser_centre_checkboxes( $name, $legend, $choices, $chosen ) {
	echo '<fieldset class="wegweiser-choices"><legend>' . esc_html( $legend ) . '</legend>';
	foreach ( $choices as $value => $label ) {
		$id = 'wegweiser-' . $name . '-' . $value;
		echo '<label for="' . esc_attr( $id ) . '"><input type="checkbox" id="' . esc_attr( $id ) . '" name="wegweiser[' . esc_attr( $name ) . '][]" value="' . esc_attr( $value ) . '" ' . checked( in_array( $value, $chosen, true ), true, false ) . '> ' . esc_html( $label ) . '</label> ';
	}
	echo '</fieldset>';
}

/** One checkbox with its label. */
function wegweiser_centre_flag( $name, $label, $on ) {
	$id = 'wegweiser-' . $name;
	echo '<p><label for="' . esc_attr( $id ) . '"><input type="checkbox" id="' . esc_attr( $id ) . '" name="wegweiser[' . esc_attr( $name ) . ']" value="1" ' . checked( $on, true, false ) . '> ' . esc_html( $label ) . '</label></p>';
}

/** The meta box. */
function wegweiser_render_centre_form( $post ) {
	$entry = wegweiser_centre_entry( $post->ID );
	$get   = function ( $path, $fallback = '' ) use ( $entry ) {
		$value = $entry;
		foreach ( explode( '.', $path ) as $key ) {
			if ( ! is_array( $value ) || ! array_key_exists( $key, $value ) ) {
				return $fallback;
			}
			$value = $value[ $key ];
		}
		return $value;
	};
	$text  = function ( $path ) use ( $get ) {
		$value = $get( $path );
		if ( is_array( $value ) ) {
			return implode( ', ', $value );
		}
		return is_scalar( $value ) ? (string) $value : '';
	};
	// A description may be one string (read as German) or one per language.
	$description = $get( 'description' );
	$description = is_string( $description ) ? array( 'de' => $description ) : (array) $description;

	wp_nonce_field( 'wegweiser_save_centre', 'wegweiser_centre_nonce' );

	if ( array() !== $entry ) {
		$problems = wegweiser_centre_problems( $entry );
		$notices  = array(
			'error'   => array( __( 'This centre cannot be published until these fields are corrected:', 'wegweiser' ), wegweiser_channel_problems( $problems, '$', false ) ),
			'warning' => array( __( 'The anonymous contact is not offered until these fields are corrected (the rest of the centre is):', 'wegweiser' ), wegweiser_channel_problems( $problems ) ),
		);
		foreach ( $notices as $kind => list( $heading, $listed ) ) {
			if ( ! $listed ) {
				continue;
			}
			echo '<div class="notice notice-' . esc_attr( $kind ) . ' inline" role="alert"><p><strong>' . esc_html( $heading ) . '</strong></p><ul>';
			foreach ( $listed as $problem ) {
				echo '<li><code>' . esc_html( $problem['path'] ) . '</code> ' . esc_html( $problem['message'] ) . '</li>';
			}
			echo '</ul></div>';
		}
	}

	echo '<fieldset><legend class="wegweiser-legend">' . esc_html__( 'About the centre', 'wegweiser' ) . '</legend>';
	wegweiser_centre_input( 'id', __( 'Short name for links', 'wegweiser' ), $text( 'id' ), __( 'Lower-case letters, digits and hyphens. Left empty, it is made from the title. Keep it when you rename the centre: shared links use it.', 'wegweiser' ) );
	wegweiser_centre_input( 'organisation', __( 'Organisation that runs it', 'wegweiser' ), $text( 'organisation' ) );
	wegweiser_centre_input( 'description_de', __( 'Description (German)', 'wegweiser' ), isset( $description['de'] ) ? (string) $description['de'] : '', '', 'textarea' );
	wegweiser_centre_input( 'description_en', __( 'Description (English)', 'wegweiser' ), isset( $description['en'] ) ? (string) $description['en'] : '', '', 'textarea' );
	wegweiser_centre_flag( 'fictional', __( 'Fictional (example data, labelled as such)', 'wegweiser' ), true === $get( 'fictional' ) );
	echo '</fieldset>';

	echo '<fieldset><legend class="wegweiser-legend">' . esc_html__( 'Address', 'wegweiser' ) . '</legend>';
	wegweiser_centre_input( 'street', __( 'Street and number', 'wegweiser' ), $text( 'address.street' ) );
	wegweiser_centre_input( 'postcode', __( 'Postcode', 'wegweiser' ), $text( 'address.postcode' ), '', 'text', 'inputmode="numeric" autocomplete="off"' );
	wegweiser_centre_input( 'city', __( 'City (required)', 'wegweiser' ), $text( 'address.city' ) );
	wegweiser_centre_flag( 'city_only', __( 'Publish only the city (street and postcode stay in wp-admin)', 'wegweiser' ), '1' === get_post_meta( $post->ID, '_wegweiser_city_only', true ) );
	wegweiser_centre_input( 'address_note', __( 'How to find it', 'wegweiser' ), $text( 'address.note' ), __( 'For example: entrance in the courtyard, ring at "Beratung".', 'wegweiser' ) );
	wegweiser_centre_input( 'lat', __( 'Latitude', 'wegweiser' ), $text( 'location.lat' ), __( 'For distances in the finder, e.g. 49.99. For an address you do not publish, use the city centre.', 'wegweiser' ), 'text', 'inputmode="decimal"' );
	wegweiser_centre_input( 'lon', __( 'Longitude', 'wegweiser' ), $text( 'location.lon' ), '', 'text', 'inputmode="decimal"' );
	echo '<p><label for="wegweiser-land">' . esc_html__( 'Land (required; decides the public holidays)', 'wegweiser' ) . '</label><br><select id="wegweiser-land" name="wegweiser[land]"><option value="">' . esc_html__( '— choose —', 'wegweiser' ) . '</option>';
	foreach ( wegweiser_lands() as $code => $name ) {
		echo '<option value="' . esc_attr( $code ) . '" ' . selected( $get( 'land' ), $code, false ) . '>' . esc_html( $name ) . '</option>';
	}
	echo '</select></p></fieldset>';

	echo '<fieldset><legend class="wegweiser-legend">' . esc_html__( 'Contact', 'wegweiser' ) . '</legend>';
	wegweiser_centre_input( 'contact_phone', __( 'Phone', 'wegweiser' ), $text( 'contacts.phone' ), '', 'tel' );
	wegweiser_centre_input( 'contact_email', __( 'E-mail', 'wegweiser' ), $text( 'contacts.email' ), '', 'email' );
	wegweiser_centre_input( 'contact_website', __( 'Website', 'wegweiser' ), $text( 'contacts.website' ), '', 'url' );
	wegweiser_centre_input( 'contact_chat', __( 'Chat (https address)', 'wegweiser' ), $text( 'contacts.chat' ), '', 'url' );
	wegweiser_centre_input( 'contact_messenger', __( 'Messenger', 'wegweiser' ), $text( 'contacts.messenger' ), __( 'For example: Signal and WhatsApp on the phone number.', 'wegweiser' ) );
	echo '</fieldset>';

	echo '<fieldset><legend class="wegweiser-legend">' . esc_html__( 'Anonymous contact (encrypted)', 'wegweiser' ) . '</legend>';
	echo '<p class="description">' . esc_html__( 'With these, the finder offers "Write anonymously (encrypted)" for this centre: the contact form opens in the centre\'s result and sends an encrypted message through the relay that only this centre\'s team can read. The team gets the relay address and its public key from whoever runs the relay. Leave all three empty if the centre has no anonymous contact.', 'wegweiser' ) . '</p>';
	wegweiser_centre_input( 'anonymous_relay', __( 'Relay address', 'wegweiser' ), $text( 'contacts.anonymous.relay' ), __( 'For example https://kontakt.example.org', 'wegweiser' ), 'url' );
	wegweiser_centre_input( 'anonymous_public_key', __( 'Public key', 'wegweiser' ), $text( 'contacts.anonymous.publicKey' ), __( 'This centre\'s key, starting with wwk1. It is checked as you type and when you save: a character lost in copying is caught, and so is a key made for another centre.', 'wegweiser' ), 'text', 'data-wegweiser-public-key spellcheck="false" autocomplete="off"' );
	wegweiser_centre_input( 'anonymous_page', __( 'Contact page (optional)', 'wegweiser' ), $text( 'contacts.anonymous.page' ), __( 'The centre\'s own page with its contact form. A finder block set to link to the centre\'s contact page links there instead of opening the form.', 'wegweiser' ), 'url' );
	echo '</fieldset>';

	echo '<fieldset><legend class="wegweiser-legend">' . esc_html__( 'Opening hours', 'wegweiser' ) . '</legend>';
	echo '<p class="description">' . esc_html__( 'In the OpenStreetMap format, for example: Mo-Th 10:00-18:00; Fr 14:00-02:00; PH off', 'wegweiser' ) . '</p>';
	foreach ( wegweiser_channels() as $channel => $label ) {
		wegweiser_centre_input( 'hours_' . $channel, $label, $text( 'hours.' . $channel ), '', 'text', 'data-wegweiser-hours spellcheck="false"' );
	}
	echo '</fieldset>';

	wegweiser_centre_checkboxes( 'topics', __( 'Topics (at least one)', 'wegweiser' ), wegweiser_topics(), (array) $get( 'topics', array() ) );
	wegweiser_centre_input( 'languages', __( 'Languages of counselling', 'wegweiser' ), $text( 'languages' ), __( 'Language codes separated by commas, for example: de, en, ro, bg', 'wegweiser' ) );

	echo '<fieldset><legend class="wegweiser-legend">' . esc_html__( 'Access', 'wegweiser' ) . '</legend>';
	wegweiser_centre_flag( 'anonymous', __( 'Anonymous counselling possible', 'wegweiser' ), true === $get( 'anonymous' ) );
	wegweiser_centre_flag( 'free', __( 'Free of charge', 'wegweiser' ), true === $get( 'free' ) );
	wegweiser_centre_flag( 'stepFree', __( 'Step-free access', 'wegweiser' ), true === $get( 'accessibility.stepFree' ) );
	wegweiser_centre_flag( 'accessibleToilet', __( 'Accessible toilet', 'wegweiser' ), true === $get( 'accessibility.accessibleToilet' ) );
	wegweiser_centre_flag( 'signLanguage', __( 'German Sign Language on request', 'wegweiser' ), true === $get( 'accessibility.signLanguage' ) );
	wegweiser_centre_flag( 'easyLanguage', __( 'Counselling in easy language', 'wegweiser' ), true === $get( 'accessibility.easyLanguage' ) );
	wegweiser_centre_input( 'accessibility_note', __( 'Note on accessibility', 'wegweiser' ), $text( 'accessibility.note' ) );
	echo '</fieldset>';

	wegweiser_centre_checkboxes( 'targetGroups', __( 'For whom', 'wegweiser' ), wegweiser_target_groups(), (array) $get( 'targetGroups', array() ) );

	echo '<fieldset><legend class="wegweiser-legend">' . esc_html__( 'Area of responsibility', 'wegweiser' ) . '</legend>';
	wegweiser_centre_input( 'area_postcodes', __( 'Postcodes (or their beginnings)', 'wegweiser' ), $text( 'area.postcodePrefixes' ), __( 'Separated by commas, for example: 55, 56, 67', 'wegweiser' ) );
	wegweiser_centre_input( 'area_districts', __( 'District codes', 'wegweiser' ), $text( 'area.districts' ), __( 'Five-digit Kreisschlüssel, separated by commas.', 'wegweiser' ) );
	wegweiser_centre_input( 'area_lands', __( 'Whole Länder', 'wegweiser' ), $text( 'area.lands' ), __( 'Codes separated by commas, for example: DE-RP', 'wegweiser' ) );
	echo '</fieldset>';

	wegweiser_centre_input( 'last_checked', __( 'Last checked with the centre (required)', 'wegweiser' ), '' !== $text( 'lastChecked' ) ? $text( 'lastChecked' ) : gmdate( 'Y-m-d' ), '', 'date' );
}
