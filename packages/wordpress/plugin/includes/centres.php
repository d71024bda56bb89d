<?php
/**
 * Centres ("Beratungsstellen") in wp-admin: a post type whose entries are
 * directory entries of the service finder, checked against its schema, and
 * the directory served same-origin at /wp-json/wegweiser/v1/directory.
 *
 * Each centre keeps its entry as JSON in the private meta `_wegweiser_centre`
 * (the title is its name). Only published centres leave the site.
 *
 * @package Wegweiser
 */

defined( 'ABSPATH' ) || exit;

const WEGWEISER_CENTRE_TYPE = 'wegweiser_centre';

/** Registers the post type. Every capability maps to `wegweiser_manage_centres`. */
function wegweiser_register_centre_type() {
	$cap = 'wegweiser_manage_centres';
	register_post_type(
		WEGWEISER_CENTRE_TYPE,
		array(
			'labels'       => array(
				'name'               => __( 'Counselling centres', 'wegweiser' ),
				'singular_name'      => __( 'Counselling centre', 'wegweiser' ),
				'menu_name'          => __( 'Centres', 'wegweiser' ),
				'add_new'            => __( 'Add centre', 'wegweiser' ),
				'add_new_item'       => __( 'Add counselling centre', 'wegweiser' ),
				'edit_item'          => __( 'Edit counselling centre', 'wegweiser' ),
				'new_item'           => __( 'New counselling centre', 'wegweiser' ),
				'search_items'       => __( 'Search centres', 'wegweiser' ),
				'not_found'          => __( 'No centres yet.', 'wegweiser' ),
				'not_found_in_trash' => __( 'No centres in the trash.', 'wegweiser' ),
				'all_items'          => __( 'All centres', 'wegweiser' ),
			),
			// Not public: the centres reach visitors only through the finder's directory.
			'public'       => false,
			'show_ui'      => true,
			'show_in_menu' => true,
			'show_in_rest' => false,
			'menu_icon'    => 'dashicons-location',
			'supports'     => array( 'title' ),
			'map_meta_cap' => true,
			'capabilities' => array(
				'edit_posts'             => $cap,
				'edit_others_posts'      => $cap,
				'edit_published_posts'   => $cap,
				'edit_private_posts'     => $cap,
				'publish_posts'          => $cap,
				'read_private_posts'     => $cap,
				'delete_posts'           => $cap,
				'delete_others_posts'    => $cap,
				'delete_published_posts' => $cap,
				'delete_private_posts'   => $cap,
				'create_posts'           => $cap,
			),
		)
	);
}
add_action( 'init', 'wegweiser_register_centre_type' );

/** Topic labels for the vocabulary of the directory schema. */
function wegweiser_topics() {
	return array(
		'money'            => __( 'Money and benefits', 'wegweiser' ),
		'debt'             => __( 'Debt', 'wegweiser' ),
		'housing'          => __( 'Housing', 'wegweiser' ),
		'health'           => __( 'Health', 'wegweiser' ),
		'psychological'    => __( 'Psychological support', 'wegweiser' ),
		'addiction'        => __( 'Addiction', 'wegweiser' ),
		'residence-legal'  => __( 'Residence and legal questions', 'wegweiser' ),
		'job'              => __( 'Work and training', 'wegweiser' ),
		'language-courses' => __( 'Language courses', 'wegweiser' ),
		'outreach'         => __( 'Outreach (streetwork)', 'wegweiser' ),
		'trafficking'      => __( 'Human trafficking', 'wegweiser' ),
		'violence'         => __( 'Violence', 'wegweiser' ),
		'minors'           => __( 'Minors', 'wegweiser' ),
		'family'           => __( 'Family and children', 'wegweiser' ),
	);
}

function wegweiser_target_groups() {
	return array(
		'women'           => __( 'Women', 'wegweiser' ),
		'men'             => __( 'Men', 'wegweiser' ),
		'trans-nonbinary' => __( 'Trans and non-binary people', 'wegweiser' ),
		'young-people'    => __( 'Young people', 'wegweiser' ),
		'migrants'        => __( 'Migrants', 'wegweiser' ),
		'parents'         => __( 'Parents', 'wegweiser' ),
	);
}

function wegweiser_lands() {
	return array(
		'DE-BW' => __( 'Baden-Württemberg', 'wegweiser' ),
		'DE-BY' => __( 'Bavaria', 'wegweiser' ),
		'DE-BE' => __( 'Berlin', 'wegweiser' ),
		'DE-BB' => __( 'Brandenburg', 'wegweiser' ),
		'DE-HB' => __( 'Bremen', 'wegweiser' ),
		'DE-HH' => __( 'Hamburg', 'wegweiser' ),
		'DE-HE' => __( 'Hesse', 'wegweiser' ),
		'DE-MV' => __( 'Mecklenburg-Western Pomerania', 'wegweiser' ),
		'DE-NI' => __( 'Lower Saxony', 'wegweiser' ),
		'DE-NW' => __( 'North Rhine-Westphalia', 'wegweiser' ),
		'DE-RP' => __( 'Rhineland-Palatinate', 'wegweiser' ),
		'DE-SL' => __( 'Saarland', 'wegweiser' ),
		'DE-SN' => __( 'Saxony', 'wegweiser' ),
		'DE-ST' => __( 'Saxony-Anhalt', 'wegweiser' ),
		'DE-SH' => __( 'Schleswig-Holstein', 'wegweiser' ),
		'DE-TH' => __( 'Thuringia', 'wegweiser' ),
	);
}

/** The channels a centre can have hours for, as the directory names them. */
function wegweiser_channels() {
	return array(
		'walk-in'    => __( 'Walk-in', 'wegweiser' ),
		'phone'      => __( 'Phone', 'wegweiser' ),
		'chat'       => __( 'Chat', 'wegweiser' ),
		'email'      => __( 'E-mail', 'wegweiser' ),
		'streetwork' => __( 'Streetwork', 'wegweiser' ),
	);
}

/** The stored entry of a centre (an array in the directory format), or an empty array. */
function wegweiser_centre_entry( $post_id ) {
	$entry = json_decode( (string) get_post_meta( $post_id, '_wegweiser_centre', true ), true );
	return is_array( $entry ) ? $entry : array();
}

/** Splits "de, en, ro" into a list of trimmed, non-empty values. */
function wegweiser_list_of( $text ) {
	return array_values( array_filter( array_map( 'trim', explode( ',', (string) $text ) ), 'strlen' ) );
}

/**
 * Builds a directory entry from the edit form. Empty fields are left out, as
 * the directory format wants (an empty string is not "no value" there).
 *
 * @param array  $form  The unslashed `wegweiser` form fields.
 * @param string $title The post title (the centre's name).
 * @param string $slug  A fallback for the id.
 * @return array
 */
function wegweiser_entry_from_form( $form, $title, $slug ) {
	$text = function ( $key ) use ( $form ) {
		return isset( $form[ $key ] ) ? trim( sanitize_textarea_field( (string) $form[ $key ] ) ) : '';
	};
	$flag = function ( $key ) use ( $form ) {
		return ! empty( $form[ $key ] );
	};
	$set  = function ( array &$target, $key, $value ) {
		if ( '' !== $value && array() !== $value && null !== $value ) {
			$target[ $key ] = $value;
		}
	};

	$id = $text( 'id' );
	if ( '' === $id ) {
		$id = substr( preg_replace( '/[^a-z0-9-]/', '', sanitize_title( '' !== $title ? $title : $slug ) ), 0, 64 );
	}
	$entry = array( 'id' => $id );
	$set( $entry, 'name', trim( (string) $title ) );
	$set( $entry, 'organisation', $text( 'organisation' ) );
	if ( $flag( 'fictional' ) ) {
		$entry['fictional'] = true;
	}
	$description = array();
	$set( $description, 'de', $text( 'description_de' ) );
	$set( $description, 'en', $text( 'description_en' ) );
	$set( $entry, 'description', $description );

	$address = array();
	$set( $address, 'street', $text( 'street' ) );
	$set( $address, 'postcode', $text( 'postcode' ) );
	$set( $address, 'city', $text( 'city' ) );
	$set( $address, 'note', $text( 'address_note' ) );
	$entry['address'] = $address;

	if ( '' !== $text( 'lat' ) || '' !== $text( 'lon' ) ) {
		// Comma or point: editors in Germany type 49,99.
		$entry['location'] = array(
			'lat' => (float) str_replace( ',', '.', $text( 'lat' ) ),
			'lon' => (float) str_replace( ',', '.', $text( 'lon' ) ),
		);
	}
	$set( $entry, 'land', $text( 'land' ) );

	$contacts = array();
	foreach ( array( 'phone', 'email', 'website', 'chat', 'messenger' ) as $key ) {
		$set( $contacts, $key, $text( 'contact_' . $key ) );
	}
	// Kept as typed, also when damaged: the form shows it with its problem, and the served directory leaves it out.
	$anonymous = array();
	$set( $anonymous, 'relay', $text( 'anonymous_relay' ) );
	$set( $anonymous, 'publicKey', $text( 'anonymous_public_key' ) );
	$set( $anonymous, 'page', $text( 'anonymous_page' ) );
	$set( $contacts, 'anonymous', $anonymous );
	$set( $entry, 'contacts', $contacts );

	$hours = array();
	foreach ( array_keys( wegweiser_channels() ) as $channel ) {
		$set( $hours, $channel, $text( 'hours_' . $channel ) );
	}
	$set( $entry, 'hours', $hours );

	$chosen = function ( $key, $allowed ) use ( $form ) {
		$values = isset( $form[ $key ] ) && is_array( $form[ $key ] ) ? array_map( 'strval', $form[ $key ] ) : array();
		return array_values( array_intersect( array_keys( $allowed ), $values ) );
	};
	$entry['topics'] = $chosen( 'topics', wegweiser_topics() );
	$set( $entry, 'languages', wegweiser_list_of( $text( 'languages' ) ) );
	if ( $flag( 'anonymous' ) ) {
		$entry['anonymous'] = true;
	}
	if ( $flag( 'free' ) ) {
		$entry['free'] = true;
	}
	$accessibility = array();
	foreach ( array( 'stepFree', 'accessibleToilet', 'signLanguage', 'easyLanguage' ) as $key ) {
		if ( $flag( $key ) ) {
			$accessibility[ $key ] = true;
		}
	}
	$set( $accessibility, 'note', $text( 'accessibility_note' ) );
	$set( $entry, 'accessibility', $accessibility );
	$set( $entry, 'targetGroups', $chosen( 'targetGroups', wegweiser_target_groups() ) );

	$area = array();
	$set( $area, 'postcodePrefixes', wegweiser_list_of( $text( 'area_postcodes' ) ) );
	$set( $area, 'districts', wegweiser_list_of( $text( 'area_districts' ) ) );
	$set( $area, 'lands', wegweiser_list_of( $text( 'area_lands' ) ) );
	$set( $entry, 'area', $area );
	$set( $entry, 'lastChecked', $text( 'last_checked' ) );
	return $entry;
}

/** The submitted form of the edit screen, if its nonce and the user's capability are right. */
function wegweiser_submitted_centre_form( $post_id ) {
	if ( ! isset( $_POST['wegweiser_centre_nonce'], $_POST['wegweiser'] ) ) {
		return null;
	}
	if ( ! wp_verify_nonce( sanitize_key( wp_unslash( $_POST['wegweiser_centre_nonce'] ) ), 'wegweiser_save_centre' ) ) {
		return null;
	}
	if ( $post_id && ! current_user_can( 'edit_post', $post_id ) ) {
		return null;
	}
	// Each field is sanitized where the entry is built (wegweiser_entry_from_form).
	$form = wp_unslash( $_POST['wegweiser'] ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
	return is_array( $form ) ? $form : null;
}

/*
 * A centre with problems cannot be published: it is kept as a draft and the
 * problems are shown above the form. So the served directory holds only
 * entries the finder accepts. A problem in the anonymous-contact channel
 * leaves out the channel, not the centre (wegweiser_build_directory).
 */
add_filter(
	'wp_insert_post_data',
	function ( $data, $postarr ) {
		if ( WEGWEISER_CENTRE_TYPE !== $data['post_type'] || 'publish' !== $data['post_status'] ) {
			return $data;
		}
		$post_id = isset( $postarr['ID'] ) ? (int) $postarr['ID'] : 0;
		$form    = wegweiser_submitted_centre_form( $post_id );
		$entry   = null === $form ? wegweiser_centre_entry( $post_id ) : wegweiser_entry_from_form( $form, $data['post_title'], $data['post_name'] );
		if ( array() !== $entry && wegweiser_channel_problems( wegweiser_centre_problems( $entry ), '$', false ) ) {
			$data['post_status'] = 'draft';
		}
		return $data;
	},
	10,
	2
);

add_action(
	'save_post_' . WEGWEISER_CENTRE_TYPE,
	function ( $post_id, $post ) {
		if ( defined( 'DOING_AUTOSAVE' ) && DOING_AUTOSAVE ) {
			return;
		}
		$form = wegweiser_submitted_centre_form( $post_id );
		if ( null === $form ) {
			return;
		}
		$entry = wegweiser_entry_from_form( $form, $post->post_title, $post->post_name );
		update_post_meta( $post_id, '_wegweiser_centre', wp_slash( wp_json_encode( $entry ) ) );
		update_post_meta( $post_id, '_wegweiser_city_only', empty( $form['city_only'] ) ? '0' : '1' );
	},
	10,
	2
);

// Any change to a centre makes the served directory stale.
foreach ( array( 'save_post_' . WEGWEISER_CENTRE_TYPE, 'deleted_post', 'trashed_post', 'untrashed_post' ) as $wegweiser_hook ) {
	add_action( $wegweiser_hook, 'wegweiser_forget_directory' );
}
unset( $wegweiser_hook );

function wegweiser_forget_directory() {
	delete_transient( 'wegweiser_directory' );
}

/**
 * The directory of published centres, as the finder reads it. Street and
 * postcode of a centre that publishes only its city stay on the server.
 *
 * @param bool $for_visitors False for the export, which keeps withheld addresses.
 * @return array
 */
function wegweiser_build_directory( $for_visitors = true ) {
	$posts   = get_posts(
		array(
			'post_type'      => WEGWEISER_CENTRE_TYPE,
			'post_status'    => 'publish',
			'posts_per_page' => -1,
			'orderby'        => 'title',
			'order'          => 'ASC',
			'no_found_rows'  => true,
		)
	);
	$centres = array();
	foreach ( $posts as $post ) {
		$entry = wegweiser_centre_entry( $post->ID );
		if ( array() === $entry ) {
			continue;
		}
		if ( $for_visitors && '1' === get_post_meta( $post->ID, '_wegweiser_city_only', true ) ) {
			unset( $entry['address']['street'], $entry['address']['postcode'] );
		}
		// A centre that was valid when published but no longer is (a schema change) is held back.
		$problems = wegweiser_centre_problems( $entry );
		if ( wegweiser_channel_problems( $problems, '$', false ) ) {
			continue;
		}
		// A damaged anonymous-contact channel is left out, never served broken (as the finder's own check does).
		if ( $problems ) {
			unset( $entry['contacts']['anonymous'] );
			if ( array() === $entry['contacts'] ) {
				unset( $entry['contacts'] );
			}
		}
		$centres[] = $entry;
	}
	return array(
		'version' => 1,
		'name'    => get_bloginfo( 'name' ),
		'updated' => gmdate( 'Y-m-d' ),
		'centres' => $centres,
	);
}

/** The served directory, cached until a centre changes. */
function wegweiser_directory() {
	$directory = get_transient( 'wegweiser_directory' );
	if ( ! is_array( $directory ) ) {
		$directory = wegweiser_build_directory();
		set_transient( 'wegweiser_directory', $directory, DAY_IN_SECONDS );
	}
	return $directory;
}

/** The URL the finder block reads. */
function wegweiser_directory_url() {
	return rest_url( 'wegweiser/v1/directory' );
}

add_action(
	'rest_api_init',
	function () {
		register_rest_route(
			'wegweiser/v1',
			'/directory',
			array(
				'methods'             => 'GET',
				'callback'            => function () {
					$response = new WP_REST_Response( wegweiser_directory() );
					// Public data of published centres: browsers and proxies may keep it a while.
					$response->header( 'Cache-Control', 'public, max-age=300' );
					return $response;
				},
				// Public by design: it is what the finder shows every visitor.
				'permission_callback' => '__return_true',
			)
		);
	}
);
