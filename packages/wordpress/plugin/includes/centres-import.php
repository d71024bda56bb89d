<?php
/**
 * Centres → Import and export. Import reads a directory JSON file (the
 * format of the service finder) straight from the upload, so the media
 * library's file-type rules do not apply; it is for Administrators only.
 *
 * Import is all or nothing: when the file has any problem, every problem is
 * listed with its JSONPath and no centre is changed. A file that imports
 * adds new centres (published) and updates centres with the same id.
 *
 * @package Wegweiser
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'admin_menu',
	function () {
		add_submenu_page(
			'edit.php?post_type=' . WEGWEISER_CENTRE_TYPE,
			__( 'Import and export centres', 'wegweiser' ),
			__( 'Import and export', 'wegweiser' ),
			'wegweiser_manage_centres',
			'wegweiser-centres-transfer',
			'wegweiser_render_transfer_page'
		);
	}
);

/**
 * Checks a decoded directory: the frame and each centre, ids unique.
 *
 * @param mixed $directory The decoded file.
 * @return array[] Problems with path and message.
 */
function wegweiser_directory_problems( $directory ) {
	$root     = wegweiser_directory_schema();
	$frame    = $root;
	$problems = array();
	unset( $frame['properties']['centres']['items'] );
	wegweiser_schema_check( $root, $frame, $directory, '$', $problems );
	if ( $problems || ! is_array( $directory ) || ! isset( $directory['centres'] ) ) {
		return $problems;
	}
	$ids = array();
	foreach ( $directory['centres'] as $i => $centre ) {
		$path     = '$.centres[' . $i . ']';
		$problems = array_merge( $problems, wegweiser_centre_problems( $centre, $path ) );
		if ( is_array( $centre ) && isset( $centre['id'] ) && is_string( $centre['id'] ) ) {
			if ( isset( $ids[ $centre['id'] ] ) ) {
				$problems[] = array(
					'path'    => $path . '.id',
					'keyword' => 'unique',
					/* translators: %s: the id that occurs twice */
					'message' => sprintf( __( 'the id "%s" is used twice', 'wegweiser' ), $centre['id'] ),
				);
			}
			$ids[ $centre['id'] ] = true;
		}
	}
	return $problems;
}

/** The centre post with a given entry id, or 0. */
function wegweiser_centre_by_id( $id ) {
	foreach ( get_posts(
		array(
			'post_type'      => WEGWEISER_CENTRE_TYPE,
			'post_status'    => 'any',
			'posts_per_page' => -1,
			'fields'         => 'ids',
			'no_found_rows'  => true,
		)
	) as $post_id ) {
		$entry = wegweiser_centre_entry( $post_id );
		if ( isset( $entry['id'] ) && $entry['id'] === $id ) {
			return (int) $post_id;
		}
	}
	return 0;
}

/** Stores the centres of a checked directory; returns how many were added and updated. */
function wegweiser_import_directory( $directory ) {
	$counts = array(
		'added'   => 0,
		'updated' => 0,
	);
	foreach ( $directory['centres'] as $entry ) {
		$post_id = wegweiser_centre_by_id( $entry['id'] );
		$postarr = array(
			'post_type'   => WEGWEISER_CENTRE_TYPE,
			'post_title'  => $entry['name'],
			'post_status' => 'publish',
		);
		if ( $post_id ) {
			$postarr['ID'] = $post_id;
			wp_update_post( wp_slash( $postarr ) );
			++$counts['updated'];
		} else {
			$post_id = wp_insert_post( wp_slash( $postarr ) );
			++$counts['added'];
		}
		update_post_meta( $post_id, '_wegweiser_centre', wp_slash( wp_json_encode( $entry ) ) );
	}
	wegweiser_forget_directory();
	return $counts;
}

/** Handles the import form (nonce, capability, file) and returns the result to show. */
function wegweiser_handle_import() {
	if ( ! isset( $_POST['wegweiser_import_nonce'] ) ) {
		return null;
	}
	check_admin_referer( 'wegweiser_import', 'wegweiser_import_nonce' );
	if ( ! current_user_can( 'manage_options' ) || ! current_user_can( 'wegweiser_manage_centres' ) ) {
		wp_die( esc_html__( 'Only Administrators can import centres.', 'wegweiser' ), 403 );
	}
	// An HSDS file arrives converted by the import page's script (editor/centres-import.js), with the importer's notes.
	$notes = array();
	if ( ! empty( $_POST['wegweiser_converted'] ) ) {
		// Decoded and checked against the schema below, like an uploaded file.
		$json  = wp_unslash( $_POST['wegweiser_converted'] ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
		$notes = isset( $_POST['wegweiser_notes'] ) ? json_decode( wp_unslash( $_POST['wegweiser_notes'] ), true ) : array(); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only ever printed escaped.
		$notes = is_array( $notes ) ? array_slice( array_filter( $notes, 'is_string' ), 0, 50 ) : array();
	} elseif ( ! empty( $_FILES['wegweiser_file']['tmp_name'] ) && is_uploaded_file( $_FILES['wegweiser_file']['tmp_name'] ) ) { // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- a path PHP made; is_uploaded_file checks it.
		$json = file_get_contents( $_FILES['wegweiser_file']['tmp_name'] ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput, WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- checked by is_uploaded_file above; a local temporary file.
	} else {
		return array( 'error' => __( 'Choose a file first.', 'wegweiser' ) );
	}
	$directory = json_decode( (string) $json, true );
	if ( null === $directory && JSON_ERROR_NONE !== json_last_error() ) {
		/* translators: %s: the JSON parser's message */
		return array( 'error' => sprintf( __( 'The file is not valid JSON: %s. Nothing was changed.', 'wegweiser' ), json_last_error_msg() ) );
	}
	$problems = wegweiser_directory_problems( $directory );
	if ( $problems ) {
		return array(
			'error'    => __( 'The file has problems, so nothing was changed. Correct them and import the file again:', 'wegweiser' ),
			'problems' => $problems,
		);
	}
	return array(
		'counts' => wegweiser_import_directory( $directory ),
		'notes'  => $notes,
	);
}

/** Export: the published centres as a directory file (addresses kept: this is the site's own backup). */
add_action(
	'admin_post_wegweiser_export',
	function () {
		check_admin_referer( 'wegweiser_export' );
		if ( ! current_user_can( 'wegweiser_manage_centres' ) ) {
			wp_die( esc_html__( 'You are not allowed to export centres.', 'wegweiser' ), 403 );
		}
		nocache_headers();
		header( 'Content-Type: application/json; charset=utf-8' );
		header( 'Content-Disposition: attachment; filename="beratungsstellen-' . gmdate( 'Y-m-d' ) . '.json"' );
		echo wp_json_encode( wegweiser_build_directory( false ), JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
		exit;
	}
);

function wegweiser_render_transfer_page() {
	if ( ! current_user_can( 'wegweiser_manage_centres' ) ) {
		return;
	}
	$result = current_user_can( 'manage_options' ) ? wegweiser_handle_import() : null;
	echo '<div class="wrap"><h1>' . esc_html__( 'Import and export centres', 'wegweiser' ) . '</h1>';

	if ( isset( $result['counts'] ) ) {
		/* translators: 1: number of centres added, 2: number of centres updated */
		echo '<div class="notice notice-success" role="status"><p>' . esc_html( sprintf( __( 'Imported: %1$d added, %2$d updated.', 'wegweiser' ), $result['counts']['added'], $result['counts']['updated'] ) ) . '</p>';
		if ( $result['notes'] ) {
			echo '<p>' . esc_html__( 'Converted from HSDS. The importer\'s notes (what it guessed or left out):', 'wegweiser' ) . '</p><ul>';
			foreach ( $result['notes'] as $note ) {
				echo '<li>' . esc_html( $note ) . '</li>';
			}
			echo '</ul>';
		}
		echo '</div>';
	} elseif ( isset( $result['error'] ) ) {
		echo '<div class="notice notice-error" role="alert" id="wegweiser-import-problems"><p>' . esc_html( $result['error'] ) . '</p>';
		if ( ! empty( $result['problems'] ) ) {
			echo '<ul>';
			foreach ( $result['problems'] as $problem ) {
				echo '<li><code>' . esc_html( $problem['path'] ) . '</code> ' . esc_html( $problem['message'] ) . '</li>';
			}
			echo '</ul>';
		}
		echo '</div>';
	}

	if ( current_user_can( 'manage_options' ) ) {
		echo '<h2>' . esc_html__( 'Import', 'wegweiser' ) . '</h2>';
		echo '<p>' . esc_html__( 'A directory file in the format of the Wegweiser service finder (JSON), or an Open Referral HSDS file, which is converted in your browser first. Centres with an id that already exists are updated, the others are added and published. If the file has any problem, nothing is changed and every problem is listed.', 'wegweiser' ) . '</p>';
		echo '<form method="post" enctype="multipart/form-data" id="wegweiser-import-form">';
		wp_nonce_field( 'wegweiser_import', 'wegweiser_import_nonce' );
		echo '<p><label for="wegweiser-file">' . esc_html__( 'Directory file (.json)', 'wegweiser' ) . '</label><br><input type="file" id="wegweiser-file" name="wegweiser_file" accept=".json,application/json"></p>';
		submit_button( __( 'Import centres', 'wegweiser' ), 'primary', 'submit', false );
		echo '<p id="wegweiser-import-status" role="status"></p>';
		echo '</form>';
	}

	echo '<h2>' . esc_html__( 'Export', 'wegweiser' ) . '</h2>';
	echo '<p>' . esc_html__( 'Every published centre as a directory file, with full addresses: keep it as a backup or pass it to a state portal.', 'wegweiser' ) . '</p>';
	echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '"><input type="hidden" name="action" value="wegweiser_export">';
	wp_nonce_field( 'wegweiser_export' );
	submit_button( __( 'Download directory file', 'wegweiser' ), 'secondary', 'submit', false );
	echo '</form></div>';
}
