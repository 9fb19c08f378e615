package dev.tenantfleet.service.dashboard;

/** The HTML of the login form; no template engine for one small, static page. */
final class LoginPage {
    private LoginPage() {}

    /** The form, with {@code error} (fixed text, never user input) above it when not null. */
    static String render(String error) {
        String message = error == null ? "" : "<p class=\"error\" role=\"alert\">" + error + "</p>";
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Tenant Fleet: log in</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="icon" href="data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27 viewBox=%270 0 16 16%27%3E%3Crect width=%2716%27 height=%2716%27 rx=%273%27 fill=%27%232b6cb0%27/%3E%3C/svg%3E">
                <style>body{font:15px system-ui,sans-serif;background:#263238;color:#212121}
                main{max-width:24rem;margin:4rem auto;background:#fff;padding:1.5rem;border-radius:8px}
                input,button{display:block;width:100%;margin:.5rem 0;padding:.5rem;box-sizing:border-box}
                .error{color:#c62828}</style></head>
                <body><main>
                <h1>Tenant Fleet</h1>
                {{message}}
                <form method="post" action="/dashboard/login">
                <label for="token">System token (<code>SYSTEM_API_TOKEN</code>)</label>
                <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
                <button type="submit">Open the dashboard</button>
                </form></main></body></html>
                """.replace("{{message}}", message); // not String.formatted: the CSS has % signs
    }
}
