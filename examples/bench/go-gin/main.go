// The Go + Gin peer of the Backend Rust benchmarking lab.
//
// It answers the same bytes as every other peer:
//
//	GET /plaintext   -> 200 text/plain "Hello, World!"
//	GET /users/{id}  -> one row of bench_users as compact JSON (200), or
//	                    {"error":"invalid id"} (400), {"error":"not found"} (404),
//	                    500 when the database fails.
//
// Configuration comes from the environment: PORT, DATABASE_URL, POOL_SIZE.
// The runner sets GOMAXPROCS=1 and GIN_MODE=release (see peer.json).
package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The fixed bodies, built once.
var (
	helloWorld  = []byte("Hello, World!")
	invalidID   = []byte(`{"error":"invalid id"}`)
	notFound    = []byte(`{"error":"not found"}`)
	serverError = []byte(`{"error":"internal error"}`)
)

const (
	textPlain = "text/plain; charset=utf-8"
	appJSON   = "application/json"
	// A parameterised query: pgx prepares it once per connection and caches it.
	selectUser = "SELECT id, name, email FROM bench_users WHERE id = $1"
)

// User is one row of bench_users; the field order is the JSON field order.
type User struct {
	ID    int32  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// validID reports whether s matches ^[0-9]{1,9}$.
func validID(s string) bool {
	if len(s) < 1 || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func newRouter(pool *pgxpool.Pool) *gin.Engine {
	// gin.New, not gin.Default: no logger (and no recovery) middleware.
	r := gin.New()
	// "/plaintext/" is another path: answer 404, not a redirect.
	r.RedirectTrailingSlash = false

	r.GET("/plaintext", func(c *gin.Context) {
		c.Data(http.StatusOK, textPlain, helloWorld)
	})

	r.GET("/users/:id", func(c *gin.Context) {
		raw := c.Param("id")
		if !validID(raw) {
			c.Data(http.StatusBadRequest, appJSON, invalidID)
			return
		}
		id, _ := strconv.Atoi(raw) // at most 9 digits: always fits in int32

		var u User
		err := pool.QueryRow(c.Request.Context(), selectUser, int32(id)).
			Scan(&u.ID, &u.Name, &u.Email)
		switch {
		case err == nil:
			// c.JSON would say "application/json; charset=utf-8"; it keeps a
			// Content-Type already set, so this answer matches the error ones.
			c.Header("Content-Type", appJSON)
			c.JSON(http.StatusOK, u)
		case errors.Is(err, pgx.ErrNoRows):
			c.Data(http.StatusNotFound, appJSON, notFound)
		default:
			c.Data(http.StatusInternalServerError, appJSON, serverError)
		}
	})

	return r
}

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		fail("PORT is required")
	}
	dbURL := os.Getenv("DATABASE_URL")
	if dbURL == "" {
		fail("DATABASE_URL is required")
	}
	poolSize, err := strconv.Atoi(os.Getenv("POOL_SIZE"))
	if err != nil || poolSize < 1 {
		fail("POOL_SIZE must be a positive integer")
	}

	cfg, err := pgxpool.ParseConfig(dbURL)
	if err != nil {
		fail("DATABASE_URL: " + err.Error())
	}
	cfg.MaxConns = int32(poolSize) // opened lazily, as pgxpool does by default
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		fail("database pool: " + err.Error())
	}
	defer pool.Close()

	addr := "127.0.0.1:" + port
	srv := &http.Server{Addr: addr, Handler: newRouter(pool)} // keep-alive is on by default
	fmt.Printf("go-gin listening on http://%s (pool %d)\n", addr, poolSize)
	if err := srv.ListenAndServe(); err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "go-gin:", msg)
	os.Exit(1)
}
