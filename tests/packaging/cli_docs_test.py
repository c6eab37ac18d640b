"""Every subcommand, option and choice that `edict ... --help` lists must be in the generated man
pages and in the bash, zsh and fish completions, and those files must be what the binary writes
now. --help comes from CLI11's formatter, the files from cli/generate.cpp: two independent walks.
Usage: cli_docs_test.py EDICT_BINARY BUILD_DIR"""
import os
import re
import subprocess
import sys
import tempfile
import unittest

EDICT, BUILD = sys.argv[1], sys.argv[2]
MAN = os.path.join(BUILD, "man")
BASH = os.path.join(BUILD, "completions", "edict.bash")
ZSH = os.path.join(BUILD, "completions", "_edict")
FISH = os.path.join(BUILD, "completions", "edict.fish")


def help_of(path):
    """(options {name: [choices]}, subcommands) of one command, read from its --help."""
    out = subprocess.run([EDICT] + path[1:] + ["--help"], capture_output=True, text=True, check=True).stdout
    options, subs, section = {}, [], None
    for line in out.splitlines():
        if re.match(r"^\S.*:$", line):
            section = line[:-1]
            continue
        m = re.match(r"^  (\S+)", line)
        if not m:
            continue
        if section == "Options":
            head = line.strip().split("  ")[0]          # "--format TEXT:{text,json} ..."
            names = head.split(" ")[0].split(",")       # "-h,--help"
            found = re.search(r":\{([^}]*)\}", head)
            for n in names:
                options[n] = found.group(1).split(",") if found else []
        elif section == "Subcommands":
            subs.append(m.group(1))
    return options, subs


def commands():
    """Every command path, walked through --help from the top."""
    todo, out = [["edict"]], []
    while todo:
        path = todo.pop(0)
        options, subs = help_of(path)
        out.append((path, options, subs))
        todo += [path + [s] for s in subs]
    return out


def read(path):
    with open(path) as f:
        return f.read()


def bash_list(function, *args):
    cmd = f"source {BASH}; {function} " + " ".join(f"'{a}'" for a in args)
    return subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, check=True).stdout.split()


class CliDocsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.commands = commands()

    def test_help_was_read(self):
        # Guards the parser above: a change in CLI11's layout must not make every check vacuous.
        top = self.commands[0]
        self.assertGreaterEqual(len(top[2]), 10, top)
        evaluate = next(c for c in self.commands if c[0] == ["edict", "evaluate"])
        self.assertIn("sarif", evaluate[1]["--format"])
        self.assertIn(["edict", "baseline", "create"], [c[0] for c in self.commands])

    def test_man_pages(self):
        for path, options, subs in self.commands:
            page = os.path.join(MAN, "-".join(path) + ".1")
            self.assertTrue(os.path.exists(page), f"no man page for {' '.join(path)}")
            text = read(page)
            for name, choices in options.items():
                self.assertIn(r"\fB" + name.replace("-", r"\-") + r"\fR", text, f"{page}: {name}")
                for c in choices:
                    self.assertIn(r"\fB" + c + r"\fR", text, f"{page}: {name} {c}")
            for s in subs:
                self.assertIn(r"\fB" + s.replace("-", r"\-") + r"\fR", text, f"{page}: {s}")
        pages = {p[:-2] for p in os.listdir(MAN)}
        self.assertEqual(pages, {"-".join(c[0]) for c in self.commands}, "man pages for commands --help does not list")

    def test_bash(self):
        for path, options, subs in self.commands:
            key = " ".join(path)
            self.assertEqual(set(bash_list("_edict_options", key)), set(options), key)
            self.assertEqual(bash_list("_edict_subcommands", key), subs, key)
            for name, choices in options.items():
                self.assertEqual(bash_list("_edict_choices", key, name), choices, f"{key} {name}")

    def test_zsh(self):
        text = read(ZSH)
        for path, options, subs in self.commands:
            function = "_" + "_".join(path).replace("-", "_")
            m = re.search(r"^" + function + r"\(\) \{\n(.*?)^\}", text, re.S | re.M)
            self.assertTrue(m, f"no {function} in {ZSH}")
            body = m.group(1)
            for name, choices in options.items():
                self.assertRegex(body, r"'\*?" + re.escape(name) + r"=?\[", f"{function}: {name}")
                if choices:
                    self.assertIn("(" + " ".join(choices) + ")", body, f"{function}: {name}")
            for s in subs:
                self.assertIn(f"'{s}:", body, f"{function}: {s}")

    def test_fish(self):
        lines = read(FISH).splitlines()
        for path, options, subs in self.commands:
            cond = "__fish_use_subcommand" if len(path) == 1 else "__fish_seen_subcommand_from " + path[-1]
            mine = [l for l in lines if cond in l]
            for name, choices in options.items():
                flag = ("-l " + name[2:]) if name.startswith("--") else ("-s " + name[1:])
                hits = [l for l in mine if re.search(re.escape(flag) + r"(\s|$)", l)]
                self.assertTrue(hits, f"fish: {' '.join(path)} {name}")
                if choices:
                    self.assertIn("-a '" + " ".join(choices) + "'", hits[0])
            for s in subs:
                self.assertTrue([l for l in mine if f" -a {s} " in l], f"fish: {' '.join(path)} {s}")

    def test_files_are_current(self):
        # The installed files are what this binary generates (the build regenerates them after
        # every link); a stale copy would pass the checks above against an older CLI.
        for shell, path in (("bash", BASH), ("zsh", ZSH), ("fish", FISH)):
            now = subprocess.run([EDICT, "__generate", shell], capture_output=True, text=True, check=True).stdout
            self.assertEqual(now, read(path), path)
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([EDICT, "__generate", "man", "--output", tmp], check=True)
            self.assertEqual(sorted(os.listdir(tmp)), sorted(os.listdir(MAN)))
            for page in os.listdir(tmp):
                self.assertEqual(read(os.path.join(tmp, page)), read(os.path.join(MAN, page)), page)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
