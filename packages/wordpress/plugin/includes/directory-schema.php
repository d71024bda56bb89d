<?php
/**
 * Checks centres against the service finder's own JSON Schema
 * (schema/directory.schema.json of @wegweiser/service-finder, copied here by
 * the build), so WordPress accepts exactly what the finder accepts.
 *
 * The validator interprets the same subset of JSON Schema 2020-12 as the
 * widgets' validator (packages/core/src/validate.ts), and reports problems
 * with the same JSONPath (`$.centres[3].name`).
 *
 * @package Wegweiser
 */

defined( 'ABSPATH' ) || exit;

/** The directory schema as a PHP array (decoded objects as arrays). */
function wegweiser_directory_schema() {
	static $schema = null;
	if ( null === $schema ) {
		// A file of this plugin, not a remote request.
		$schema = json_decode( (string) file_get_contents( WEGWEISER_DIR . 'includes/directory.schema.json' ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
	}
	return $schema;
}

/**
 * Problems of one centre entry.
 *
 * @param mixed  $centre The decoded entry (objects as arrays).
 * @param string $path   Its JSONPath.
 * @return array[] Each with path, keyword, message.
 */
function wegweiser_centre_problems( $centre, $path = '$' ) {
	$root   = wegweiser_directory_schema();
	$schema = $root['$defs']['centre'];
	$out    = array();
	wegweiser_schema_check( $root, $schema, $centre, $path, $out );
	if ( ! wegweiser_channel_problems( $out, $path ) && is_array( $centre ) && isset( $centre['id'], $centre['contacts']['anonymous']['publicKey'] ) && is_string( $centre['id'] ) ) {
		$out = array_merge( $out, wegweiser_anonymous_contact_problems( $centre['id'], $centre['contacts']['anonymous']['publicKey'], $path ) );
	}
	return $out;
}

/**
 * What the schema cannot say about a centre's anonymous-contact channel, as
 * the finder's directory check says it (packages/service-finder/src/directory.ts):
 * the key's check value is right, and the key is this centre's. The key's
 * centre id is bound into every message, so a key pasted into the wrong entry
 * would send this centre's messages to another team: it must be the entry's
 * id, or the start of it followed by a hyphen (one centre with several
 * addresses: `bruecke-trier`, `bruecke-trier-saarburg`).
 *
 * @param string $id         The entry's id.
 * @param string $public_key The channel's key, already matching the schema's pattern.
 * @param string $path       The entry's JSONPath.
 * @return array[] Problems with path, keyword, message.
 */
function wegweiser_anonymous_contact_problems( $id, $public_key, $path ) {
	$problem = function ( $keyword, $message ) use ( $path ) {
		return array(
			array(
				'path'    => $path . '.contacts.anonymous.publicKey',
				'keyword' => $keyword,
				'message' => $message,
			),
		);
	};
	$key_problem = wegweiser_public_key_problem( $public_key );
	if ( '' !== $key_problem ) {
		return $problem( 'publicKey', $key_problem );
	}
	$key_centre = explode( '.', $public_key )[1];
	if ( $id !== $key_centre && 0 !== strpos( $id, $key_centre . '-' ) ) {
		/* translators: 1: the centre id inside the key, 2: the centre's own id (short name for links) */
		return $problem( 'centre', sprintf( __( 'The key is for the centre "%1$s", not for "%2$s": its messages would go to another team. Ask this centre for its own key.', 'wegweiser' ), $key_centre, $id ) );
	}
	return array();
}

/**
 * The problems inside the anonymous-contact channel (`contacts.anonymous`), or,
 * with $in_channel false, all the others. A problem in the channel leaves out
 * the channel only, never the centre: as in the finder, it is not shown broken.
 *
 * @param array[] $problems   From wegweiser_centre_problems().
 * @param string  $path       The entry's JSONPath.
 * @param bool    $in_channel Which side to keep.
 * @return array[]
 */
function wegweiser_channel_problems( $problems, $path = '$', $in_channel = true ) {
	$channel = $path . '.contacts.anonymous';
	return array_values(
		array_filter(
			$problems,
			function ( $problem ) use ( $channel, $in_channel ) {
				$inside = $problem['path'] === $channel || 0 === strpos( $problem['path'], $channel . '.' );
				return $inside === $in_channel;
			}
		)
	);
}

/** The JSONPath of a child. */
function wegweiser_schema_child_path( $path, $key ) {
	if ( is_int( $key ) ) {
		return $path . '[' . $key . ']';
	}
	return preg_match( '/^[A-Za-z_$][\w$]*$/', $key ) ? $path . '.' . $key : $path . '[' . wp_json_encode( $key ) . ']';
}

/**
 * The JSON type of a decoded value. JSON objects decode to associative arrays,
 * lists to sequential arrays; an empty array is ambiguous and counts as both.
 */
function wegweiser_schema_type( $value ) {
	if ( null === $value ) {
		return 'null';
	}
	if ( is_bool( $value ) ) {
		return 'boolean';
	}
	if ( is_int( $value ) ) {
		return 'integer';
	}
	if ( is_float( $value ) ) {
		return floor( $value ) === $value ? 'integer' : 'number';
	}
	if ( is_string( $value ) ) {
		return 'string';
	}
	if ( is_array( $value ) ) {
		return ( array() === $value || array_keys( $value ) === range( 0, count( $value ) - 1 ) ) ? 'array' : 'object';
	}
	return 'unknown';
}

function wegweiser_schema_has_type( $value, $type ) {
	$actual = wegweiser_schema_type( $value );
	if ( array() === $value && 'object' === $type ) {
		return true;
	}
	return $actual === $type || ( 'number' === $type && 'integer' === $actual );
}

/** A JavaScript regular expression from the schema as a PCRE pattern (`\uXXXX` becomes `\x{XXXX}`). */
function wegweiser_schema_regex( $pattern ) {
	$pcre = preg_replace( '/\\\\u([0-9A-Fa-f]{4})/', '\\x{$1}', $pattern );
	return '/' . str_replace( '/', '\/', $pcre ) . '/u';
}

function wegweiser_schema_show( $value ) {
	$text = wp_json_encode( $value );
	return mb_strlen( $text ) > 60 ? mb_substr( $text, 0, 57 ) . '…' : $text;
}

/** Checks $value against $schema, appending problems to $out, in the admin's language. */
function wegweiser_schema_check( $root, $schema, $value, $path, &$out ) {
	$add = function ( $keyword, $message ) use ( $path, &$out ) {
		$out[] = array(
			'path'    => $path,
			'keyword' => $keyword,
			'message' => $message,
		);
	};
	if ( isset( $schema['$ref'] ) && preg_match( '#^\#/\$defs/(.+)$#', $schema['$ref'], $ref ) ) {
		wegweiser_schema_check( $root, $root['$defs'][ $ref[1] ], $value, $path, $out );
	}
	if ( isset( $schema['type'] ) ) {
		$types = (array) $schema['type'];
		$ok    = false;
		foreach ( $types as $type ) {
			$ok = $ok || wegweiser_schema_has_type( $value, $type );
		}
		if ( ! $ok ) {
			/* translators: 1: the JSON types allowed, 2: the JSON type found */
			$add( 'type', sprintf( __( 'expected %1$s, found %2$s', 'wegweiser' ), implode( ' | ', $types ), wegweiser_schema_type( $value ) ) );
			return;
		}
	}
	if ( array_key_exists( 'const', $schema ) && $value !== $schema['const'] ) {
		/* translators: %s: the only value allowed */
		$add( 'const', sprintf( __( 'must be %s', 'wegweiser' ), wegweiser_schema_show( $schema['const'] ) ) );
	}
	if ( isset( $schema['enum'] ) && ! in_array( $value, $schema['enum'], true ) ) {
		/* translators: 1: the value found, 2: the values allowed */
		$add( 'enum', sprintf( __( '%1$s is not one of %2$s', 'wegweiser' ), wegweiser_schema_show( $value ), implode( ', ', array_map( 'wegweiser_schema_show', $schema['enum'] ) ) ) );
	}
	if ( is_string( $value ) ) {
		$length = mb_strlen( $value );
		if ( isset( $schema['minLength'] ) && $length < $schema['minLength'] ) {
			/* translators: %d: the least number of characters */
			$add( 'minLength', 1 === $schema['minLength'] ? __( 'must not be empty', 'wegweiser' ) : sprintf( __( 'must have at least %d characters', 'wegweiser' ), $schema['minLength'] ) );
		}
		if ( isset( $schema['maxLength'] ) && $length > $schema['maxLength'] ) {
			/* translators: 1: the largest number of characters, 2: the number it has */
			$add( 'maxLength', sprintf( __( 'must have at most %1$d characters (has %2$d)', 'wegweiser' ), $schema['maxLength'], $length ) );
		}
		$format_ok = true;
		if ( isset( $schema['format'] ) ) {
			if ( 'date' === $schema['format'] ) {
				$format_ok = (bool) preg_match( '/^(\d{4})-(\d{2})-(\d{2})$/', $value, $d ) && checkdate( (int) $d[2], (int) $d[3], (int) $d[1] );
			} elseif ( 'email' === $schema['format'] ) {
				$format_ok = (bool) preg_match( '/^[^\s@]+@[^\s@]+\.[^\s@]+$/', $value );
			}
			if ( ! $format_ok ) {
				/* translators: 1: the value, 2: the format's name (date, email) */
				$add( 'format', sprintf( __( '%1$s is not a valid %2$s', 'wegweiser' ), wegweiser_schema_show( $value ), $schema['format'] ) );
			}
		}
		if ( $format_ok && isset( $schema['pattern'] ) && ! preg_match( wegweiser_schema_regex( $schema['pattern'] ), $value ) ) {
			/* translators: 1: the value, 2: the regular expression it must match */
			$add( 'pattern', sprintf( __( '%1$s does not match %2$s', 'wegweiser' ), wegweiser_schema_show( $value ), $schema['pattern'] ) );
		}
	}
	if ( is_int( $value ) || is_float( $value ) ) {
		if ( isset( $schema['minimum'] ) && $value < $schema['minimum'] ) {
			/* translators: %s: the least value */
			$add( 'minimum', sprintf( __( 'must be at least %s', 'wegweiser' ), $schema['minimum'] ) );
		}
		if ( isset( $schema['maximum'] ) && $value > $schema['maximum'] ) {
			/* translators: %s: the largest value */
			$add( 'maximum', sprintf( __( 'must be at most %s', 'wegweiser' ), $schema['maximum'] ) );
		}
	}
	$type = wegweiser_schema_type( $value );
	if ( 'array' === $type ) {
		if ( isset( $schema['minItems'] ) && count( $value ) < $schema['minItems'] ) {
			/* translators: %d: the least number of items */
			$add( 'minItems', sprintf( __( 'must have at least %d item(s)', 'wegweiser' ), $schema['minItems'] ) );
		}
		if ( isset( $schema['maxItems'] ) && count( $value ) > $schema['maxItems'] ) {
			/* translators: %d: the largest number of items */
			$add( 'maxItems', sprintf( __( 'must have at most %d item(s)', 'wegweiser' ), $schema['maxItems'] ) );
		}
		if ( ! empty( $schema['uniqueItems'] ) ) {
			$seen = array();
			foreach ( $value as $i => $item ) {
				$key = wp_json_encode( $item );
				if ( isset( $seen[ $key ] ) ) {
					$out[] = array(
						'path'    => wegweiser_schema_child_path( $path, $i ),
						'keyword' => 'uniqueItems',
						/* translators: %s: the repeated item */
						'message' => sprintf( __( 'repeats an earlier item %s', 'wegweiser' ), wegweiser_schema_show( $item ) ),
					);
				}
				$seen[ $key ] = true;
			}
		}
		if ( isset( $schema['items'] ) ) {
			foreach ( $value as $i => $item ) {
				wegweiser_schema_check( $root, $schema['items'], $item, wegweiser_schema_child_path( $path, $i ), $out );
			}
		}
	}
	if ( 'object' === $type || ( array() === $value && ( isset( $schema['properties'] ) || isset( $schema['required'] ) ) ) ) {
		foreach ( isset( $schema['required'] ) ? $schema['required'] : array() as $key ) {
			if ( ! array_key_exists( $key, $value ) ) {
				/* translators: %s: the name of the missing field */
				$add( 'required', sprintf( __( 'missing required field "%s"', 'wegweiser' ), $key ) );
			}
		}
		if ( isset( $schema['minProperties'] ) && count( $value ) < $schema['minProperties'] ) {
			/* translators: %d: the least number of fields */
			$add( 'minProperties', sprintf( __( 'must have at least %d field(s)', 'wegweiser' ), $schema['minProperties'] ) );
		}
		foreach ( $value as $key => $child ) {
			$key   = (string) $key;
			$at    = wegweiser_schema_child_path( $path, $key );
			$known = false;
			if ( isset( $schema['properties'][ $key ] ) ) {
				$known = true;
				wegweiser_schema_check( $root, $schema['properties'][ $key ], $child, $at, $out );
			}
			foreach ( isset( $schema['patternProperties'] ) ? $schema['patternProperties'] : array() as $pattern => $sub ) {
				if ( preg_match( wegweiser_schema_regex( $pattern ), $key ) ) {
					$known = true;
					wegweiser_schema_check( $root, $sub, $child, $at, $out );
				}
			}
			if ( ! $known && isset( $schema['additionalProperties'] ) && false === $schema['additionalProperties'] ) {
				$out[] = array(
					'path'    => $at,
					'keyword' => 'additionalProperties',
					/* translators: %s: the name of the unknown field */
					'message' => sprintf( __( 'unknown field "%s"', 'wegweiser' ), $key ),
				);
			}
		}
	}
	foreach ( array( 'anyOf', 'oneOf' ) as $keyword ) {
		if ( ! isset( $schema[ $keyword ] ) ) {
			continue;
		}
		$results = array();
		$passing = 0;
		foreach ( $schema[ $keyword ] as $branch ) {
			$found = array();
			wegweiser_schema_check( $root, $branch, $value, $path, $found );
			$results[] = $found;
			$passing  += empty( $found ) ? 1 : 0;
		}
		if ( 'oneOf' === $keyword && $passing > 1 ) {
			/* translators: %d: how many of the allowed forms the value matches */
			$add( 'oneOf', sprintf( __( 'matches %d of the allowed forms, but must match exactly one', 'wegweiser' ), $passing ) );
		}
		if ( 0 === $passing ) {
			// The closest form (right type, fewest problems) says most about what was meant.
			$score = function ( $problems ) use ( $path ) {
				foreach ( $problems as $problem ) {
					if ( 'type' === $problem['keyword'] && $problem['path'] === $path ) {
						return PHP_INT_MAX;
					}
				}
				return count( $problems );
			};
			$closest = $results[0];
			foreach ( $results as $result ) {
				if ( $score( $result ) < $score( $closest ) ) {
					$closest = $result;
				}
			}
			/* translators: 1: the number of allowed forms, 2: the place of the closest form's first problem, 3: that problem */
			$add( $keyword, sprintf( __( 'matches none of the %1$d allowed forms; closest: %2$s %3$s', 'wegweiser' ), count( $schema[ $keyword ] ), $closest[0]['path'], $closest[0]['message'] ) );
			$out = array_merge( $out, $closest );
		}
	}
}
