// Swagger UI over this server's OpenAPI document; every asset is served by storyline itself.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
