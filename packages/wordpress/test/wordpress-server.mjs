// A throwaway WordPress 6.5 on Debian's Apache + PHP + MariaDB, all in one
// scratch folder: its own MariaDB data directory (socket only, no port), its
// own Apache configuration on a free local port, WordPress from the npm
// package @wp-playground/wordpress-builds (wp-6.5.zip holds the PHP files,
// public/wp-6.5/ the static files the zip leaves out). Nothing of the
// machine's own services is touched, and stop() removes every process.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const builds = join(root, 'node_modules', '@wp-playground', 'wordpress-builds');

/** The Debian programs the server needs, and what is missing (empty when all are there). */
export function findServerPrograms() {
  const first = (paths) => paths.find((p) => existsSync(p));
  const programs = {
    php: first(['/usr/bin/php']),
    apache: first(['/usr/sbin/apache2']),
    modPhp: existsSync('/usr/lib/apache2/modules')
      ? readdirSync('/usr/lib/apache2/modules').filter((f) => /^libphp[\d.]*\.so$/.test(f)).map((f) => `/usr/lib/apache2/modules/${f}`)[0]
      : undefined,
    mariadbd: first(['/usr/sbin/mariadbd', '/usr/sbin/mysqld']),
    installDb: first(['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db']),
    client: first(['/usr/bin/mariadb', '/usr/bin/mysql']),
    unzip: first(['/usr/bin/unzip']),
  };
  const packages = { php: 'php-cli', apache: 'apache2', modPhp: 'libapache2-mod-php', mariadbd: 'mariadb-server', installDb: 'mariadb-server', client: 'mariadb-client', unzip: 'unzip' };
  const missing = [...new Set(Object.entries(programs).filter(([, path]) => !path).map(([name]) => packages[name]))];
  // The PHP extensions WordPress needs for this test.
  if (programs.php) {
    const modules = execFileSync(programs.php, ['-m'], { encoding: 'utf8' });
    for (const [module, pkg] of [['mysqli', 'php-mysql'], ['mbstring', 'php-mbstring'], ['xml', 'php-xml']]) {
      if (!new RegExp(`^${module}$`, 'mi').test(modules)) missing.push(pkg);
    }
  }
  if (!existsSync(join(builds, 'src', 'wordpress', 'wp-6.5.zip'))) missing.push('npm: @wp-playground/wordpress-builds (npm ci)');
  return { programs, missing };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitFor(check, what, seconds = 30) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Starts MariaDB and Apache, installs WordPress, and returns what the tests need.
 * @param {{ themes?: string[] }} options Extra theme folders to copy in (Twenty Twenty-One from Debian).
 */
export async function startWordPress({ themes = [] } = {}) {
  const { programs } = findServerPrograms();
  // As root (CI), Apache's workers run as www-data; as anyone else, everything runs as that user.
  const asRoot = process.getuid?.() === 0;
  const user = userInfo().username;
  const dir = mkdtempSync(join(tmpdir(), 'ww-wordpress-'));
  // Apache's workers run as www-data and must reach the files and the database socket.
  chmodSync(dir, 0o755);
  const site = join(dir, 'site');
  const db = join(dir, 'db');
  const socket = join(dir, 'mysqld.sock');
  const processes = [];
  const log = (name) => join(dir, `${name}.log`);

  // MariaDB: a data directory of its own, reachable only by its socket.
  execFileSync(programs.installDb, ['--no-defaults', `--datadir=${db}`, `--user=${user}`, '--skip-test-db', '--auth-root-authentication-method=socket'], { stdio: 'ignore' });
  const mariadb = spawn(programs.mariadbd, ['--no-defaults', `--datadir=${db}`, `--socket=${socket}`, '--skip-networking', `--user=${user}`, `--pid-file=${join(dir, 'mysqld.pid')}`, `--log-error=${log('mariadb')}`], { stdio: 'ignore' });
  processes.push(mariadb);
  await waitFor(() => existsSync(socket), 'MariaDB');
  const sql = (statement) => execFileSync(programs.client, ['--no-defaults', `--socket=${socket}`, '-u', user, '-N', '-B', 'wordpress', '-e', statement], { encoding: 'utf8' });
  await waitFor(() => {
    try {
      execFileSync(programs.client, ['--no-defaults', `--socket=${socket}`, '-u', user, '-e', 'SELECT 1'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }, 'MariaDB to accept connections');
  execFileSync(programs.client, ['--no-defaults', `--socket=${socket}`, '-u', user, '-e', "CREATE DATABASE wordpress CHARACTER SET utf8mb4; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"]);

  // WordPress 6.5: the PHP files, then the static files over them.
  mkdirSync(site);
  execFileSync(programs.unzip, ['-q', join(builds, 'src', 'wordpress', 'wp-6.5.zip'), '-d', site]);
  cpSync(join(builds, 'public', 'wp-6.5'), site, { recursive: true });
  // The Playground's own configuration and SQLite database are not used here.
  rmSync(join(site, 'wp-content', 'database'), { recursive: true, force: true });
  for (const theme of themes) cpSync(theme, join(site, 'wp-content', 'themes', theme.split('/').pop()), { recursive: true, dereference: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const salt = () => randomBytes(32).toString('hex');
  writeFileSync(
    join(site, 'wp-config.php'),
    `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', 'wordpress' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map((k) => `define( '${k}', '${salt()}' );`).join('\n')}
$table_prefix = 'wp_';
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
// Every notice, warning and deprecation goes to the log the tests read.
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '${log('php-debug')}' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'SCRIPT_DEBUG', false );
// Application passwords (for the Author's REST requests) need HTTPS or a local environment.
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'FS_METHOD', 'direct' );
// No request leaves the machine: no update checks, no cron loopback.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
  );
  // This machine has no internet. WordPress itself would still try: update
  // checks (each logs a PHP warning when it fails), Gravatar images in the admin
  // bar, the block editor's welcome guide animation from s.w.org. A must-use
  // plugin of the test site turns those off, so the tests can demand a clean
  // log and no request to any other host from the Wegweiser plugin's pages.
  mkdirSync(join(site, 'wp-content', 'mu-plugins'), { recursive: true });
  writeFileSync(
    join(site, 'wp-content', 'mu-plugins', 'test-site-offline.php'),
    `<?php
// Test site only: no update checks, no block directory, no avatars, no welcome guide.
// The update checks get an empty reply (a failed one logs a PHP warning); other requests fail quietly.
add_filter(
	'pre_http_request',
	function ( $response, $args, $url ) {
		if ( preg_match( '#^https?://api\\.wordpress\\.org/(core/version-check|plugins/update-check|themes/update-check)/#', $url ) ) {
			return array( 'headers' => array(), 'body' => '{"offers":[],"translations":[],"plugins":[],"themes":[],"no_update":[]}', 'response' => array( 'code' => 200, 'message' => 'OK' ), 'cookies' => array(), 'filename' => null );
		}
		return $response;
	},
	10,
	3
);
foreach ( array(
	array( 'admin_init', '_maybe_update_core' ),
	array( 'admin_init', '_maybe_update_plugins' ),
	array( 'admin_init', '_maybe_update_themes' ),
	array( 'load-plugins.php', 'wp_update_plugins' ),
	array( 'load-update.php', 'wp_update_plugins' ),
	array( 'load-update-core.php', 'wp_update_plugins' ),
	array( 'load-themes.php', 'wp_update_themes' ),
	array( 'load-update.php', 'wp_update_themes' ),
	array( 'load-update-core.php', 'wp_update_themes' ),
	array( 'upgrader_process_complete', 'wp_version_check' ),
	array( 'upgrader_process_complete', 'wp_update_plugins' ),
	array( 'upgrader_process_complete', 'wp_update_themes' ),
	array( 'enqueue_block_editor_assets', 'wp_enqueue_editor_block_directory_assets' ),
) as $ww_test_hook ) {
	remove_action( $ww_test_hook[0], $ww_test_hook[1] );
}
add_filter( 'pre_option_show_avatars', '__return_zero' );
// The editor's welcome guide loads an animation from s.w.org: mark it as seen.
add_action(
	'admin_init',
	function () {
		global $wpdb;
		$key = $wpdb->get_blog_prefix() . 'persisted_preferences';
		if ( ! get_user_meta( get_current_user_id(), $key, true ) ) {
			update_user_meta( get_current_user_id(), $key, array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );
		}
	}
);
`,
  );
  writeFileSync(log('php-debug'), '');
  if (asRoot) {
    execFileSync('chown', ['-R', 'www-data:www-data', site]);
    execFileSync('chown', ['www-data:www-data', log('php-debug')]);
  }

  // Apache with mod_php (prefork), configured from scratch.
  const modules = '/usr/lib/apache2/modules';
  const conf = join(dir, 'httpd.conf');
  writeFileSync(
    conf,
    `ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${join(dir, 'httpd.pid')}
DefaultRuntimeDir ${dir}
Mutex file:${dir} default
${asRoot ? 'User www-data\nGroup www-data\n' : ''}ErrorLog ${log('apache-error')}
LogLevel warn
LoadModule mpm_prefork_module ${modules}/mod_mpm_prefork.so
LoadModule authz_core_module ${modules}/mod_authz_core.so
LoadModule dir_module ${modules}/mod_dir.so
LoadModule mime_module ${modules}/mod_mime.so
LoadModule rewrite_module ${modules}/mod_rewrite.so
LoadModule php_module ${programs.modPhp}
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 16
TypesConfig /etc/mime.types
DocumentRoot ${site}
DirectoryIndex index.php index.html
<Directory ${site}>
  AllowOverride All
  Require all granted
</Directory>
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
php_admin_value upload_max_filesize 64M
php_admin_value post_max_size 64M
php_admin_value error_reporting 32767
php_admin_value memory_limit 256M
`,
  );
  execFileSync(programs.apache, ['-f', conf, '-k', 'start'], { stdio: 'inherit' });
  await waitFor(async () => {
    try {
      return (await fetch(`${url}/readme.html`)).ok;
    } catch {
      return false;
    }
  }, 'Apache');

  // Install by posting the installer's form, as a browser would.
  const admin = { user: 'admin', password: 'wegweiser-test-admin' };
  const form = new URLSearchParams({
    weblog_title: 'Beratungsstelle Beispiel',
    user_name: admin.user,
    admin_password: admin.password,
    admin_password2: admin.password,
    pw_weak: '1',
    admin_email: 'admin@example.org',
    blog_public: '0',
  });
  const install = await fetch(`${url}/wp-admin/install.php?step=2`, { method: 'POST', body: form });
  const installed = await install.text();
  if (!/Success!|wp-login\.php/.test(installed)) throw new Error(`WordPress did not install:\n${installed.slice(0, 2000)}`);

  return {
    url,
    dir,
    admin,
    sql,
    debugLog: () => readFileSync(log('php-debug'), 'utf8'),
    apacheLog: () => (existsSync(log('apache-error')) ? readFileSync(log('apache-error'), 'utf8') : ''),
    async stop() {
      try {
        execFileSync(programs.apache, ['-f', conf, '-k', 'stop'], { stdio: 'ignore' });
      } catch {
        // Already gone.
      }
      mariadb.kill('SIGTERM');
      await new Promise((r) => (mariadb.exitCode === null ? mariadb.once('exit', r) : r()));
      // Apache's children exit a moment after the parent is told to stop.
      await waitFor(() => !existsSync(join(dir, 'httpd.pid')), 'Apache to stop', 15).catch(() => {});
      if (!process.env.WW_KEEP_WORDPRESS) rmSync(dir, { recursive: true, force: true });
    },
  };
}
