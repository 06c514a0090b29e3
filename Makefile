# ciid — every target installs what it needs on a fresh Debian machine (run as root, or with sudo).

SWIFT      ?= swift
APT_BUILD  := libsqlite3-dev libsodium-dev libcurl4-openssl-dev libqrencode-dev pkg-config ca-certificates
APT_TEST   := curl openssl python3 python3-aiosmtpd python3-authlib python3-flask python3-selenium chromium chromium-driver fonts-dejavu-core prometheus zip
PIP_TEST   := schemathesis axe-core-python
APT_BENCH  := wrk libjemalloc-dev curl python3 iproute2
APT_DEMO   := python3 python3-aiosmtpd
FUZZ_SECONDS ?= 60
FORMATTED  := Sources Tests Benchmarks/Benchmarks Benchmarks/Package.swift Fuzz/Sources Fuzz/Package.swift Package.swift
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

SOAK_CYCLES ?= 100

.PHONY: all build test lint soak bench bench-registry bench-growth fuzz demo demo-stop format deps deps-test deps-bench deps-demo clean

all: build

# Installs the Debian packages of $(1) that are missing, with one apt-get update at most.
define apt_install
	@missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call apt_install,$(APT_BUILD))

deps-test: deps
	$(call apt_install,$(APT_TEST))
	@python3 -c 'import schemathesis, axe_core_python' 2>/dev/null || python3 -m pip install --quiet $(PIP_TEST) \
		|| python3 -m pip install --quiet --break-system-packages $(PIP_TEST) \
		|| echo "schemathesis or axe-core-python could not be installed: the schemathesis and accessibility tests will fail or be skipped"

deps-bench: deps
	$(call apt_install,$(APT_BENCH))

build: deps
	$(SWIFT) build

# The suites that run real ciid processes (ciidTests) block their threads while they poll, and
# with 2 cores Swift's cooperative pool has 2 threads: run them after the in-process suites, whose
# live servers need that pool, rather than beside them.
test: deps-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip ciidTests
	$(SWIFT) test --skip-build --filter ciidTests

# The crash tests (kill -9 at random points, a coordinator killed, a full disk) with
# $(SOAK_CYCLES) kill cycles instead of the 5 of `make test`; CIID_KILL_SEED=<seed> repeats a run.
soak: deps-test
	$(SWIFT) build --build-tests
	CIID_KILL_CYCLES=$(SOAK_CYCLES) $(SWIFT) test --skip-build --filter ciidTests.CrashTests

bench: deps-bench
	bash Benchmarks/bench.sh

# The registry's figures alone (search, case read, 20 MB document), refreshing their section of
# docs/benchmarks.md.
bench-registry: deps-bench
	bash Benchmarks/run-registry-bench.sh /tmp/ciid-registry-bench.txt
	python3 Benchmarks/registry-report.py /tmp/ciid-registry-bench.txt docs/benchmarks.md

# The growth of the federation alone (3, 7, 15 and 30 real nodes: replication times, CPU, bytes,
# resident set), refreshing its section of docs/benchmarks.md and docs/benchmarks-growth.svg;
# GROWTH_BENCH_SIZES=3,7 (and _BULK, _ROUNDS, _IDLE_SECONDS, _BASE) for a shorter run.
bench-growth: deps-bench
	$(SWIFT) build -c release --product ciid --scratch-path .build-release
	python3 Benchmarks/growth-bench.py .build-release/release/ciid docs/benchmarks.md

# libFuzzer targets (package Fuzz/, release, -sanitize=fuzzer,address), each FUZZ_SECONDS long;
# nothing of it is built by `build` or `test` (docs/robustness.md).
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash Fuzz/fuzz.sh

deps-demo: deps
	$(call apt_install,$(APT_DEMO))

demo: deps-demo
	$(SWIFT) build -c release --product ciid
	bash config/demo/run-demo.sh

demo-stop:
	bash config/demo/run-demo.sh stop

format:
	$(SWIFT) format --in-place --recursive $(FORMATTED)

# Fails on any formatting difference or rule of .swift-format (Hummingbird's); `make format` mends
# the layout. Nothing here is generated code, so every Swift file is checked.
lint:
	$(SWIFT) format lint --strict --recursive $(FORMATTED)

clean:
	rm -rf .build demo Fuzz/.build
