CREATE CONSTRAINT login_throttle_email IF NOT EXISTS FOR (n:LoginThrottle) REQUIRE n.email IS UNIQUE
